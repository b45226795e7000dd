// How a command hands its exit code back: its action returns it (SPEC §1.5). commander awaits
// actions but drops what they return, so `runs` keeps the code beside the command and
// `exitCodeOf` reads it after parsing — the commands import nothing from main.ts.

import type { Command } from 'commander';

const exitCodes = new WeakMap<Command, number>();

/** Sets `command`'s action to `action`, whose result is the exit code. */
export function runs<A extends unknown[]>(command: Command, action: (...args: A) => Promise<number>): Command {
  command.action(async (...args: unknown[]) => {
    exitCodes.set(command, await action(...(args as A)));
  });
  return command;
}

/** The exit code of the subcommand of `program` that ran, or undefined when none ran. */
export function exitCodeOf(program: Command): number | undefined {
  for (const c of program.commands) {
    // A command with subcommands (`definitions diff`): the subcommand's code.
    const code = exitCodes.get(c) ?? exitCodeOf(c);
    if (code !== undefined) return code;
  }
  return undefined;
}
