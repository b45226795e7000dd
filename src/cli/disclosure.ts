// `--fail-on disclosure` (SPEC §13.7), shared by the commands that have --fail-on: exit 3, after
// the output is written, when the output shows a count of people or events that the default
// --min-cell would hide (a lower --min-cell, 0 above all, turned that suppression off), with
// one stderr line per such count (at most 20, then `and N more`, as SPEC §6.2).

import type { Disclosure } from '../engine/suppress.js';
import { disclosureLines } from '../report/gate.js';
import { EXIT } from './errors.js';

export function disclosureGate(disclosures: readonly Disclosure[], minCell: number): number {
  for (const line of disclosureLines(disclosures, minCell)) process.stderr.write(line + '\n');
  return disclosures.length > 0 ? EXIT.gate : EXIT.ok;
}
