// `triple-aim indicators [ID]`: the indicator catalogue; with an ID, its full definition,
// baselines, targets and sources (SPEC §1.1, §3.2). Rendering lives in src/report/catalogue.ts.

import { Command, Option } from 'commander';
import { DEFAULT_PROFILE, type Profile } from '../indicators/profiles.js';
import { addProfileOption } from './selection.js';
import { CATALOGUE_FORMATS, renderCatalogue, type CatalogueFormat } from '../report/render.js';
import { runs } from './command.js';
import { EXIT, UsageError } from './errors.js';
import { addOutputOptions, checkOut, chooseFormat, writeResult, type OutputOptions } from './output.js';

export function indicatorsCommand(): Command {
  const cmd = new Command('indicators')
    .argument('[id]', 'an indicator id: show its full definition')
    .description('list the indicator catalogue; with an ID, show its full definition')
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(CATALOGUE_FORMATS))
    .addHelpText('after', '\nExamples:\n  triple-aim indicators\n  triple-aim indicators readmission-30d\n  triple-aim indicators --format json');
  addOutputOptions(cmd, 'the catalogue');
  // SPEC §14.3: the definitions of one profile (default rm-2015-2018).
  addProfileOption(cmd);
  return runs(cmd, async (id: string | undefined, opts: { format?: CatalogueFormat; profile?: Profile } & OutputOptions) => {
    const out = checkOut(opts.out);
    const format = chooseFormat(opts.format, { terminal: 'table', pipe: 'json' });
    const profile = opts.profile ?? DEFAULT_PROFILE;
    let list = profile.catalogue;
    if (id !== undefined) {
      const found = list.find((i) => i.id === id);
      if (!found) throw new UsageError(`unknown indicator id "${id}" in the profile ${profile.id} (run \`triple-aim indicators --profile ${profile.id}\` for the list)`);
      list = [found];
    }
    await writeResult(renderCatalogue(list, format, { detailed: id !== undefined, version: profile.version }), out, { quiet: opts.quiet });
    return EXIT.ok;
  });
}
