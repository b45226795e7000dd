// `triple-aim schema [NAME]` (SPEC §11): the JSON Schema of each JSON output, derived from its
// zod declaration in src/contracts.

import { Argument, Command } from 'commander';
import { OUTPUT_NAMES, type OutputName } from '../contracts/names.js';
import { runs } from './command.js';
import { addOutputOptions, checkOut, writeResult, type OutputOptions } from './output.js';

export function schemaCommand(): Command {
  const cmd = new Command('schema')
    .description('print the JSON Schema (draft 2020-12) of a JSON output; without NAME, all of them by name')
    .addArgument(new Argument('[name]', 'which output').choices(OUTPUT_NAMES))
    .addHelpText(
      'after',
      '\nExamples:\n  triple-aim schema report > report.schema.json\n  triple-aim schema validate\n  triple-aim schema   # { "report": {…}, "validate": {…}, … }',
    );
  addOutputOptions(cmd, 'the schema');
  return runs(cmd, async (name: OutputName | undefined, opts: OutputOptions) => {
    const out = checkOut(opts.out);
    // zod is loaded for this command only (start-up time of the others, SPEC §12).
    const { jsonSchemaOf } = await import('../contracts/index.js');
    const schema = name ? jsonSchemaOf(name) : Object.fromEntries(OUTPUT_NAMES.map((n) => [n, jsonSchemaOf(n)]));
    await writeResult(JSON.stringify(schema, null, 2) + '\n', out, { quiet: opts.quiet });
    return 0;
  });
}
