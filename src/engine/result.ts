// The report model (SPEC §4.1): what the engine produces and every renderer reads. Declared
// once as zod schemas in src/contracts/report.ts; these are the derived types.

export type {
  BaselineRef,
  Comparison,
  InputRef,
  PeriodRef,
  Report,
  Result,
  Status,
  SuppressionRef,
  TargetRef,
  TargetVerdict,
} from '../contracts/report.js';
