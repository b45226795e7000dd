// `triple-aim definitions diff A B` (SPEC §14.3): each rule that differs between two profiles,
// generated from the declarations (src/indicators/profile-diff.ts), rendered through the
// registry of src/report/render.ts.

import { Command, Option } from 'commander';
import { diffProfiles } from '../indicators/profile-diff.js';
import type { Profile } from '../indicators/profiles.js';
import { DEFINITIONS_FORMATS, renderDefinitions, type DefinitionsFormat } from '../report/render.js';
import { runs } from './command.js';
import { EXIT } from './errors.js';
import { addOutputOptions, checkOut, chooseFormat, writeResult, type OutputOptions } from './output.js';
import { parseProfile } from './selection.js';

export function definitionsCommand(): Command {
  const cmd = new Command('definitions').description('the definition profiles (SPEC §14.3)');
  const diff = new Command('diff')
    .description('list, indicator by indicator, each rule that differs between two profiles')
    .argument('<a>', 'a profile (rm-2015-2018 or national)', parseProfile)
    .argument('<b>', 'another profile', parseProfile)
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(DEFINITIONS_FORMATS))
    .addHelpText('after', '\nExample:\n  triple-aim definitions diff rm-2015-2018 national');
  addOutputOptions(diff, 'the differences');
  cmd.addCommand(
    runs(diff, async (a: Profile, b: Profile, opts: { format?: DefinitionsFormat } & OutputOptions) => {
      const out = checkOut(opts.out);
      const format = chooseFormat(opts.format, { terminal: 'table', pipe: 'json' });
      const diff = { a: { id: a.id, version: a.version }, b: { id: b.id, version: b.version }, differences: diffProfiles(a, b) };
      await writeResult(renderDefinitions(diff, format), out, { quiet: opts.quiet });
      return EXIT.ok;
    }),
  );
  return cmd;
}
