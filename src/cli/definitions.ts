// `triple-aim definitions diff A B` (SPEC §14.3): each rule that differs between two profiles,
// generated from the declarations (src/indicators/profile-diff.ts).

import { Command, Option } from 'commander';
import Table from 'cli-table3';
import { diffProfiles, type RuleDifference } from '../indicators/profile-diff.js';
import type { Profile } from '../indicators/profiles.js';
import { toJson } from '../report/json.js';
import { runs } from './command.js';
import { EXIT } from './errors.js';
import { addOutputOptions, checkOut, chooseFormat, writeResult, type OutputOptions } from './output.js';
import { parseProfile } from './selection.js';

const FORMATS = ['table', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

export function definitionsCommand(): Command {
  const cmd = new Command('definitions').description('the definition profiles (SPEC §14.3)');
  const diff = new Command('diff')
    .description('list, indicator by indicator, each rule that differs between two profiles')
    .argument('<a>', 'a profile (rm-2015-2018 or national)', parseProfile)
    .argument('<b>', 'another profile', parseProfile)
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, json otherwise)').choices(FORMATS))
    .addHelpText('after', '\nExample:\n  triple-aim definitions diff rm-2015-2018 national');
  addOutputOptions(diff, 'the differences');
  cmd.addCommand(
    runs(diff, async (a: Profile, b: Profile, opts: { format?: Format } & OutputOptions) => {
      const out = checkOut(opts.out);
      const format = chooseFormat(opts.format, { terminal: 'table', pipe: 'json' });
      await writeResult(renderDiff(a, b, diffProfiles(a, b), format), out, { quiet: opts.quiet });
      return EXIT.ok;
    }),
  );
  return cmd;
}

function renderDiff(a: Profile, b: Profile, rows: readonly RuleDifference[], format: Format): string {
  switch (format) {
    case 'json':
      return toJson({ a: { id: a.id, version: a.version }, b: { id: b.id, version: b.version }, differences: rows });
    case 'markdown': {
      const out = [`# Definitions: ${a.id} (${a.version}) against ${b.id} (${b.version})`, '', `| indicator | part | rule | ${a.id} | ${b.id} |`, '|---|---|---|---|---|'];
      for (const r of rows) out.push(`| ${r.indicator} | ${r.part} | ${r.rule} | ${r.a ?? '–'} | ${r.b ?? '–'} |`);
      if (rows.length === 0) out.push('| (none) | | | | |');
      return out.join('\n') + '\n';
    }
    case 'table': {
      const table = new Table({
        head: ['indicator', 'part', 'rule', a.id, b.id],
        style: { head: [], border: [], compact: true },
        colWidths: [null, null, null, 36, 36],
        wordWrap: true,
      });
      for (const r of rows) table.push([r.indicator, r.part, r.rule, r.a ?? '–', r.b ?? '–']);
      return `${a.id} (${a.version}) against ${b.id} (${b.version}): ${rows.length} difference${rows.length === 1 ? '' : 's'}\n` + table.toString() + '\n';
    }
  }
}
