#!/usr/bin/env node
// Runs the CLI in this process and reports on stderr, as `BENCH {…}`, its peak RSS and CPU time
// (all threads), for scripts/bench.mjs (a child's peak memory and CPU time are not otherwise
// visible from Node). `measure.mjs --script FILE ARG…` runs another script the same way (the
// DuckDB yardstick), with FILE ARG… as its argv.
import { writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

process.on('exit', () => {
  const u = process.resourceUsage();
  writeSync(2, `BENCH ${JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
});
if (process.argv[2] === '--script') {
  const script = resolve(process.argv[3]);
  process.argv = [process.argv[0], script, ...process.argv.slice(4)];
  await import(pathToFileURL(script).href);
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(['node', 'triple-aim', ...process.argv.slice(2)]);
}
