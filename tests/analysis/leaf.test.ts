// The folders' arrows run one way (issue 22, README "Layout"): src/analysis is a pure leaf —
// results in, analyses out. It may import src/calc, src/domain and itself; the types (only) of
// src/contracts, src/indicators and src/extracts; and packages. Never the engine (which calls
// the analyses: a circle), the readers, the renderers or the CLI. The test reads the import
// lines of every file under src/analysis with the TypeScript parser, so a multi-line import,
// an `export … from` and a dynamic import() are all seen.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const ANALYSIS = join(SRC, 'analysis');

/** Folders of src any import may reach, and those only `import type` may reach. */
const ALLOWED = ['analysis', 'calc', 'domain'];
const TYPES_ONLY = ['contracts', 'indicators', 'extracts'];

interface Import {
  specifier: string;
  typeOnly: boolean;
}

/** Every module `text` imports or re-exports from, and whether the import is erased (types only). */
function importsOf(text: string, fileName = 'file.ts'): Import[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const namedTypesOnly =
        clause !== undefined &&
        clause.name === undefined &&
        clause.namedBindings !== undefined &&
        ts.isNamedImports(clause.namedBindings) &&
        clause.namedBindings.elements.length > 0 &&
        clause.namedBindings.elements.every((e) => e.isTypeOnly);
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: clause?.isTypeOnly === true || namedTypesOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      found.push({ specifier: arg && ts.isStringLiteralLike(arg) ? arg.text : '(computed)', typeOnly: false });
    } else if (ts.isImportTypeNode(node)) {
      // `typeof import('…')` in a type position is erased.
      const arg = node.argument;
      if (ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal)) found.push({ specifier: arg.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Why an import of the file at `file` breaks the rule, or null when it keeps it. */
function breach(file: string, imp: Import): string | null {
  if (imp.specifier === '(computed)') return 'an import() whose module cannot be read';
  if (!imp.specifier.startsWith('.')) return null; // a package or node: builtin
  const target = relative(SRC, resolve(dirname(file), imp.specifier));
  const folder = target.split(sep)[0];
  if (target.startsWith('..')) return `${imp.specifier} is outside src`;
  if (ALLOWED.includes(folder)) return null;
  if (TYPES_ONLY.includes(folder)) return imp.typeOnly ? null : `src/${folder} may be imported for its types only (import type)`;
  return `src/${folder} is above src/analysis`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function breachesOf(file: string, text: string): string[] {
  return importsOf(text, file).flatMap((imp) => {
    const why = breach(file, imp);
    return why === null ? [] : [`${relative(SRC, file)} imports ${imp.specifier}: ${why}`];
  });
}

describe('src/analysis is a pure leaf (issue 22)', () => {
  it('no file under src/analysis imports the engine, the readers beyond their types, the renderers or the CLI', () => {
    const files = filesUnder(ANALYSIS);
    expect(files.length).toBeGreaterThan(5); // the folder was found and read
    const breaches = files.flatMap((f) => breachesOf(f, readFileSync(f, 'utf8')));
    expect(breaches).toEqual([]);
  });

  // Controls: the check sees each way a file can reach upwards, and lets through what the rule allows.
  const file = join(ANALYSIS, 'example.ts');
  const nested = join(ANALYSIS, 'spc', 'example.ts');
  it.each([
    ["import { runIndicators } from '../engine/run.js';", 'src/engine is above src/analysis'],
    ["import {\n  suppressArm,\n  type Disclosure,\n} from '../engine/suppress.js';", 'src/engine is above src/analysis'],
    ["export { renderJson } from '../report/json.js';", 'src/report is above src/analysis'],
    ["const m = await import('../cli/main.js');", 'src/cli is above src/analysis'],
    ["import { extractFileName } from '../extracts/declarations.js';", 'src/extracts may be imported for its types only (import type)'],
    ["import { type A, b } from '../extracts/records.js';", 'src/extracts may be imported for its types only (import type)'],
    ["import { prepare } from '../facts/index.js';", 'src/facts is above src/analysis'],
    ["import { CATALOGUE } from '../indicators/catalogue.js';", 'src/indicators may be imported for its types only (import type)'],
  ])('flags %j', (text, why) => {
    expect(importsOf(text).map((imp) => breach(file, imp))).toEqual([why]);
  });

  it('flags an upward import from a nested folder (spc/) too', () => {
    expect(importsOf("import { meetsTarget } from '../../engine/evaluate.js';").map((imp) => breach(nested, imp))).toEqual([
      'src/engine is above src/analysis',
    ]);
  });

  it.each([
    "import { wilsonInterval } from '../calc/statistics.js';",
    "import { MESSAGES } from '../domain/messages.js';",
    "import type { Result } from '../contracts/report.js';",
    "import { type AnnotationRow, type BaselineRow } from '../extracts/records.js';",
    "import type { IndicatorDefinition } from '../indicators/types.js';",
    "import { projectEffect } from './evaluation.js';",
    "import type { z } from 'zod';",
    "type R = typeof import('../contracts/report.js');",
  ])('allows %j', (text) => {
    expect(importsOf(text).map((imp) => breach(file, imp))).toEqual([null]);
  });
});
