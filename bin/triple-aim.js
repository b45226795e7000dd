#!/usr/bin/env node
// Thin launcher: all behaviour lives in dist/cli/main.js (built from src/ by `npm run build`).
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
