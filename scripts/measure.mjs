#!/usr/bin/env node
// Runs the CLI in this process and reports its peak RSS on stderr as `BENCH {"maxRssKb":…}`,
// for scripts/bench.mjs (a child's peak memory is not otherwise visible from Node).
import { writeSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

process.on('exit', () => {
  writeSync(2, `BENCH ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});
process.exitCode = await main(['node', 'triple-aim', ...process.argv.slice(2)]);
