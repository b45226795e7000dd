// The program: commander set-up, one file per command, and the one place where errors become
// messages on stderr and exit codes (SPEC §1.5). Commands return their exit code.

import { Command, CommanderError } from 'commander';
import { EXIT, InputError, UsageError } from './errors.js';
import { registerCompute } from './compute.js';
import { registerValidate } from './validate.js';
import { registerIndicators } from './indicators.js';
import { registerSample } from './sample.js';
import { VERSION } from '../version.js';

/** A command action reports its exit code through this callback. */
export type SetExitCode = (code: number) => void;

export function buildProgram(setExitCode: SetExitCode): Command {
  const program = new Command();
  program
    .name('triple-aim')
    .description(
      'Triple Aim indicators of the Danish health agreement (Sundhedsaftalen, Region Midtjylland) from CSV extracts.',
    )
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => process.stdout.write(s),
      writeErr: (s) => process.stderr.write(s),
    });
  registerCompute(program, setExitCode);
  registerValidate(program, setExitCode);
  registerIndicators(program, setExitCode);
  registerSample(program, setExitCode);
  for (const cmd of program.commands) cmd.exitOverride().showHelpAfterError('(run with --help for usage)');
  return program;
}

function stderrLine(line: string): void {
  process.stderr.write(line.endsWith('\n') ? line : line + '\n');
}

/** A closed stdout (`| head`) ends the run quietly with exit 0 (SPEC §1.5). */
function quietOnClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    throw err;
  });
}

export async function main(argv: readonly string[]): Promise<number> {
  quietOnClosedStdout();
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv]);
    if (argv.length <= 2) {
      program.outputHelp({ error: true });
      return EXIT.usage;
    }
    return exitCode;
  } catch (err) {
    return handleError(err);
  }
}

export function handleError(err: unknown): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') {
      return EXIT.ok;
    }
    // commander has already printed its message.
    return EXIT.usage;
  }
  if (err instanceof UsageError) {
    stderrLine(`triple-aim: ${err.message}`);
    stderrLine('(run with --help for usage)');
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
