// The names of the JSON outputs, as `triple-aim schema NAME` takes them (SPEC §11). Apart from
// the zod declarations (index.ts) so that the command line can offer them without loading zod;
// index.ts maps each name to its schema and cannot leave one out.

export const OUTPUT_NAMES = ['report', 'validate', 'indicators', 'monitor', 'evaluate', 'definitions'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];
