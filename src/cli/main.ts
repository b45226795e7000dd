// The program: commander set-up, one file per command, and the one place where errors become
// messages on stderr and exit codes (SPEC §1.5). Each command's action returns its exit code
// (src/cli/command.ts); main reads it after parsing.

import { Command, CommanderError } from 'commander';
import { exitCodeOf } from './command.js';
import { EXIT, InputError, OutputError, UsageError } from './errors.js';
import { unreportedStdoutFailure, watchStdout } from './output.js';
import { VERSION } from '../version.js';

/** Every usage error reads the same way: `triple-aim: <what>` then the --help hint, whether
 *  commander found it (an unknown option, a value its parser refused) or a command did. */
const USAGE_PREFIX = 'triple-aim: ';
const HELP_HINT = '(run with --help for usage)';

/** The commands in the order of the help text, each loaded only when it may run: a run of
 *  `compute` does not load the modules of `report` or `sample` (start-up time, SPEC §12). */
const COMMANDS: readonly (readonly [string, () => Promise<Command>])[] = [
  ['compute', async () => (await import('./compute.js')).computeCommand()],
  ['validate', async () => (await import('./validate.js')).validateCommand()],
  ['indicators', async () => (await import('./indicators.js')).indicatorsCommand()],
  ['sample', async () => (await import('./sample.js')).sampleCommand()],
  ['monitor', async () => (await import('./monitor.js')).monitorCommand()],
  ['evaluate', async () => (await import('./evaluate.js')).evaluateCommand()],
  ['report', async () => (await import('./report.js')).reportCommand()],
  ['schema', async () => (await import('./schema.js')).schemaCommand()],
  ['definitions', async () => (await import('./definitions.js')).definitionsCommand()],
  ['sql', async () => (await import('./sql.js')).sqlCommand()],
];

/** The program with the command named first on the command line, or with all of them (for the
 *  help text, and commander's did-you-mean for a name it does not know). */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const named = COMMANDS.filter(([name]) => name === argv[2]);
  const commands = await Promise.all((named.length > 0 ? named : COMMANDS).map(([, load]) => load()));
  const program = new Command();
  program
    .name('triple-aim')
    .description(
      'Triple Aim indicators of the Danish health agreement (Sundhedsaftalen, Region Midtjylland) from CSV extracts.',
    )
    .version(VERSION, '-V, --version');
  for (const cmd of commands) program.addCommand(cmd);
  // Subcommands too (`definitions diff`): the same usage errors and exit codes.
  for (const cmd of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    cmd
      .exitOverride()
      .showHelpAfterError(HELP_HINT)
      .configureOutput({
        writeOut: (s) => process.stdout.write(s),
        writeErr: (s) => process.stderr.write(s),
        outputError: (s, write) => write(s.replace(/^error: /, USAGE_PREFIX)),
      });
  }
  return program;
}

function stderrLine(line: string): void {
  process.stderr.write(line.endsWith('\n') ? line : line + '\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  // A closed stdout (`| head`) ends the run quietly with exit 0 (SPEC §1.5); any other write
  // failure ends it with one line and exit 1 (SPEC §6.3).
  watchStdout();
  const program = await buildProgram(argv);
  let code: number;
  try {
    await program.parseAsync([...argv]);
    const ran = exitCodeOf(program);
    if (ran === undefined) {
      // No command (SPEC §1.1): the usage on stderr, exit 2.
      program.outputHelp({ error: true });
      code = EXIT.usage;
    } else code = ran;
  } catch (err) {
    code = handleError(err);
    if (err instanceof OutputError) return code;
  }
  // A write that failed outside writeResult (help text, version) is reported once its error
  // event has arrived.
  await new Promise((resolve) => setImmediate(resolve));
  const failure = unreportedStdoutFailure();
  return failure ? handleError(failure) : code;
}

export function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.ok;
    // The usage shown because no command was given is an error (exit 2, SPEC §1.1); `help`
    // asked for is not.
    if (err.code === 'commander.help') return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // commander has already printed its message.
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    stderrLine(USAGE_PREFIX + err.message);
    stderrLine(HELP_HINT);
    return EXIT.usage;
  }
  if (err instanceof InputError) {
    for (const line of err.lines) stderrLine(line);
    return EXIT.badInput;
  }
  const e = err as NodeJS.ErrnoException;
  if (e && e.code === 'EPIPE') return EXIT.ok;
  stderrLine(
    `triple-aim: internal error: ${e?.message ?? String(err)}. This is a bug; please report it with the command line` +
      (process.env.TRIPLE_AIM_DEBUG ? '.' : ' (TRIPLE_AIM_DEBUG=1 shows the stack).'),
  );
  if (process.env.TRIPLE_AIM_DEBUG && e?.stack) stderrLine(e.stack);
  return EXIT.internal;
}
