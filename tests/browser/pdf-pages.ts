// How full each page of a PDF that Chromium printed is (SPEC §13.10 "no page but a section's
// last is less than a third full"), read from the PDF itself rather than guessed from the
// screen layout: Chromium's fragmentation (break-inside, break-after, forced breaks) decides
// where a page ends, and only the printed file shows it.
//
// The method: every page's content streams are inflated and interpreted — the graphics state
// stack (q/Q/cm), path construction (m l c v y re) and painting (f S B …, clipping paths and
// `n` paint nothing), text positioning (BT Tm Td TD T* Tj TJ) and form or image XObjects (Do,
// their /BBox through /Matrix and the current matrix) — and the lowest point with ink is
// taken. White fills (the page's background) are not ink. The page's fill is the share of
// its content area (the page less the @page margins) from the top down to that point.
// Chromium also writes a named destination for every element that a link targets
// (`/Dests`: id → page and y), which gives the page where a section or an indicator starts.
//
// Chromium's PDF writer (Skia) writes plain objects (no object streams), FlateDecode
// streams and one /Contents stream per page; this reader needs no more.

import { inflateSync } from 'node:zlib';

type Matrix = [number, number, number, number, number, number];

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  /** The lowest y (PDF points from the page's bottom) at which anything is painted; null on a blank page. */
  lowestInk: number | null;
}

export interface PdfLayout {
  pages: PdfPage[];
  /** Named destinations: element id → 1-based page number and y (points from the bottom). */
  destinations: Map<string, { page: number; y: number }>;
}

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: Matrix): Matrix {
  // m applied first, then n (row vectors, as PDF: [x y 1] × m × n).
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text))) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endobj', start);
    if (end < 0) break;
    const body = text.slice(start, end);
    const streamAt = body.search(/stream\r?\n/);
    if (streamAt < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
    } else {
      const dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1]);
      const raw = pdf.subarray(dataStart, dataStart + length);
      objects.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    }
    header.lastIndex = end;
  }
  return objects;
}

function ref(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
}

function numbers(text: string | undefined): number[] {
  return text ? text.trim().split(/\s+/).map(Number) : [];
}

/** The pages in order, from the /Pages tree of the catalogue. */
function pageObjects(objects: Map<number, PdfObject>): number[] {
  const catalogue = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  if (!catalogue) throw new Error('PDF: no catalogue');
  const out: number[] = [];
  const visit = (n: number) => {
    const o = objects.get(n);
    if (!o) throw new Error(`PDF: object ${n} missing`);
    if (/\/Type\s*\/Pages\b/.test(o.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+) 0 R/g)) visit(Number(k[1]));
    } else out.push(n);
  };
  visit(ref(catalogue.dict, 'Pages')!);
  return out;
}

/** Tokens of a content stream: numbers, names, operators; strings, arrays and dicts skipped as one token. */
function* tokens(content: string): Generator<string> {
  let i = 0;
  const n = content.length;
  while (i < n) {
    const c = content[i];
    if (c === ' ' || c === '\n' || c === '\r' || c === '\t' || c === '\f') {
      i++;
    } else if (c === '%') {
      while (i < n && content[i] !== '\n') i++;
    } else if (c === '(') {
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        if (content[i] === '\\') i++;
        else if (content[i] === '(') depth++;
        else if (content[i] === ')' && --depth === 0) break;
      }
      i++;
      yield content.slice(start, i);
    } else if (c === '<' && content[i + 1] === '<') {
      const end = content.indexOf('>>', i);
      yield '<<>>';
      i = end + 2;
    } else if (c === '<') {
      const end = content.indexOf('>', i);
      yield content.slice(i, end + 1);
      i = end + 1;
    } else if (c === '[' || c === ']') {
      yield c;
      i++;
    } else {
      const start = i;
      i++;
      while (i < n && !/[\s/()<>[\]%]/.test(content[i])) i++;
      yield content.slice(start, i);
    }
  }
}

const PAINT_FILL = new Set(['f', 'F', 'f*']);
const PAINT_STROKE = new Set(['S', 's']);
const PAINT_BOTH = new Set(['B', 'B*', 'b', 'b*']);

function isWhite(colour: number[]): boolean {
  if (colour.length === 1) return colour[0] >= 0.999;
  if (colour.length === 3) return colour.every((c) => c >= 0.999);
  if (colour.length === 4) return colour.every((c) => c <= 0.001);
  return false;
}

/** The lowest painted y of one content stream under `base` (forms are entered by their bbox). */
function lowestInk(content: string, base: Matrix, xobjects: Map<string, PdfObject>): number | null {
  let ctm = base;
  const stack: { ctm: Matrix; fill: number[]; stroke: number[] }[] = [];
  let fill = [0];
  let stroke = [0];
  let path: [number, number][] = [];
  let lowest: number | null = null;
  let textMatrix: Matrix = IDENTITY;
  let lineMatrix: Matrix = IDENTITY;
  let fontSize = 0;
  let leading = 0;
  const operands: string[] = [];
  const ink = (points: [number, number][]) => {
    for (const [, y] of points) if (lowest === null || y < lowest) lowest = y;
  };
  const num = (k: number) => Number(operands[operands.length - k]);
  const showText = () => {
    // The glyphs' origin and the top of the em box, in device space.
    const m = multiply(textMatrix, ctm);
    ink([apply(m, 0, 0), apply(m, 0, fontSize), apply(m, 0, -0.25 * fontSize)]);
  };
  for (const t of tokens(content)) {
    if (/^[-+.\d]/.test(t) || t.startsWith('/') || t.startsWith('(') || t.startsWith('<') || t === '[' || t === ']') {
      operands.push(t);
      continue;
    }
    switch (t) {
      case 'q':
        stack.push({ ctm, fill, stroke });
        break;
      case 'Q': {
        const s = stack.pop();
        if (s) ({ ctm, fill, stroke } = s);
        break;
      }
      case 'cm':
        ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
        break;
      case 'rg':
        fill = [num(3), num(2), num(1)];
        break;
      case 'RG':
        stroke = [num(3), num(2), num(1)];
        break;
      case 'g':
        fill = [num(1)];
        break;
      case 'G':
        stroke = [num(1)];
        break;
      case 'k':
        fill = [num(4), num(3), num(2), num(1)];
        break;
      case 'K':
        stroke = [num(4), num(3), num(2), num(1)];
        break;
      case 'm':
      case 'l':
        path.push(apply(ctm, num(2), num(1)));
        break;
      case 'c':
        path.push(apply(ctm, num(6), num(5)), apply(ctm, num(4), num(3)), apply(ctm, num(2), num(1)));
        break;
      case 'v':
      case 'y':
        path.push(apply(ctm, num(4), num(3)), apply(ctm, num(2), num(1)));
        break;
      case 're': {
        const [x, y, w, h] = [num(4), num(3), num(2), num(1)];
        path.push(apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x, y + h), apply(ctm, x + w, y + h));
        break;
      }
      case 'n':
        path = [];
        break;
      case 'BT':
        textMatrix = IDENTITY;
        lineMatrix = IDENTITY;
        break;
      case 'Tf':
        fontSize = num(1);
        break;
      case 'TL':
        leading = num(1);
        break;
      case 'Tm':
        textMatrix = lineMatrix = [num(6), num(5), num(4), num(3), num(2), num(1)];
        break;
      case 'Td':
      case 'TD':
        if (t === 'TD') leading = -num(1);
        textMatrix = lineMatrix = multiply([1, 0, 0, 1, num(2), num(1)], lineMatrix);
        break;
      case 'T*':
        textMatrix = lineMatrix = multiply([1, 0, 0, 1, 0, -leading], lineMatrix);
        break;
      case 'Tj':
      case 'TJ':
      case "'":
      case '"':
        if (!isWhite(fill)) showText();
        break;
      case 'Do': {
        const x = xobjects.get(operands[operands.length - 1].slice(1));
        if (x && /\/Subtype\s*\/Image/.test(x.dict)) ink([apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)]);
        else if (x) {
          const bbox = numbers(/\/BBox\s*\[([^\]]*)\]/.exec(x.dict)?.[1]);
          const matrix = numbers(/\/Matrix\s*\[([^\]]*)\]/.exec(x.dict)?.[1]);
          const m = matrix.length === 6 ? multiply(matrix as Matrix, ctm) : ctm;
          // The form's own drawing, not its box: a form may be mostly transparent.
          const inner = x.stream ? lowestInk(x.stream.toString('latin1'), m, new Map()) : null;
          if (inner !== null) {
            const [x0, y0, x1, y1] = bbox;
            const corners = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)].map(([, y]) => y);
            ink([[0, Math.max(inner, Math.min(...corners))]]);
          }
        }
        break;
      }
      default:
        if (PAINT_FILL.has(t) || PAINT_STROKE.has(t) || PAINT_BOTH.has(t)) {
          const painted = (PAINT_FILL.has(t) && !isWhite(fill)) || (PAINT_STROKE.has(t) && !isWhite(stroke)) || (PAINT_BOTH.has(t) && !(isWhite(fill) && isWhite(stroke)));
          if (painted) ink(path);
          path = [];
        }
    }
    operands.length = 0;
  }
  return lowest;
}

function xobjectsOf(page: PdfObject, objects: Map<number, PdfObject>): Map<string, PdfObject> {
  const out = new Map<string, PdfObject>();
  let dict = page.dict;
  const resourcesRef = ref(dict, 'Resources');
  if (resourcesRef !== null) dict = objects.get(resourcesRef)?.dict ?? '';
  const direct = /\/XObject\s*<<([^>]*)>>/.exec(dict)?.[1];
  const indirect = ref(dict, 'XObject');
  const body = direct ?? (indirect !== null ? (/<<([\s\S]*)>>/.exec(objects.get(indirect)?.dict ?? '')?.[1] ?? '') : '');
  for (const m of body.matchAll(/\/([^\s/]+)\s+(\d+) 0 R/g)) {
    const o = objects.get(Number(m[2]));
    if (o) out.set(m[1], o);
  }
  return out;
}

/** The pages of a PDF with the lowest inked point of each, and its named destinations. */
export function readPdfLayout(pdf: Buffer): PdfLayout {
  const objects = readObjects(pdf);
  const order = pageObjects(objects);
  const pageNumber = new Map(order.map((n, i) => [n, i + 1]));
  const pages = order.map((n, i): PdfPage => {
    const page = objects.get(n)!;
    const [, , width, height] = numbers(/\/MediaBox\s*\[([^\]]*)\]/.exec(page.dict)?.[1]);
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => objects.get(Number(m[1]))!);
    const xobjects = xobjectsOf(page, objects);
    const content = contents.map((c) => c.stream?.toString('latin1') ?? '').join('\n');
    return { number: i + 1, width, height, lowestInk: lowestInk(content, IDENTITY, xobjects) };
  });
  const destinations = new Map<string, { page: number; y: number }>();
  const catalogue = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict))!;
  const destsRef = ref(catalogue.dict, 'Dests');
  const dests = destsRef === null ? '' : (objects.get(destsRef)?.dict ?? '');
  for (const m of dests.matchAll(/\/([^\s[\]/]+)\s*\[(\d+) 0 R \/XYZ ([-\d.]+) ([-\d.]+)/g)) {
    const page = pageNumber.get(Number(m[2]));
    if (page !== undefined) destinations.set(decodeName(m[1]), { page, y: Number(m[4]) });
  }
  return { pages, destinations };
}

/** A PDF name's #xx escapes decoded. */
function decodeName(name: string): string {
  return name.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * How full a page is: the share of its content area, from the top margin down to the lowest
 * ink, in [0, 1]. Margins in points (1 mm = 72 / 25.4 pt).
 */
export function pageFill(page: PdfPage, marginTop: number, marginBottom: number): number {
  if (page.lowestInk === null) return 0;
  const top = page.height - marginTop;
  const area = page.height - marginTop - marginBottom;
  return Math.min(1, Math.max(0, (top - page.lowestInk) / area));
}
