// The stable kebab-case type of every problem found in an input (SPEC §1.6, §6.1; named in
// the manner of frictionless' errors). The validate JSON carries them; a new kind of problem
// is added here, and the compiler then accepts it wherever problems are made.

export const PROBLEM_TYPES = [
  // The file as a whole
  'unreadable-file',
  'empty-file',
  'binary-file',
  'undetectable-delimiter',
  'csv-error',
  'no-header',
  'missing-column',
  'duplicate-column',
  'no-data-rows',
  // A row or a cell
  'row-length',
  'encoding-error',
  'mixed-encoding',
  'nul-byte',
  'value-too-long',
  'missing-cell',
  'type-error',
  'constraint-error',
  'unique-error',
  'unknown-indicator',
] as const;

export type ProblemType = (typeof PROBLEM_TYPES)[number];
