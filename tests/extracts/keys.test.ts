// Exact key tables (src/extracts/keys.ts): ids held as the number their digits spell or as
// bytes, a sorted run for ids that arrive in order, LUP's three-part keys. Every rule here is
// about exactness: a key meets itself and nothing else, whatever its form, order or number.

import { describe, expect, it } from 'vitest';
import { KeyTable, TripleKeys, UniqueKeys } from '../../src/extracts/keys.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('KeyTable', () => {
  it('gives each distinct id one key, in order of first appearance, and gives the id back as it was written', () => {
    const t = new KeyTable();
    const ids = ['P0000007', 'P0000003', 'P0000007', 'P12', 'p0000003', 'P0000003', 'Q0000003', '0000003', 'Ærø-1', 'P0000003 '];
    const keys = ids.map((id) => t.internText(id));
    // P0000007 and P0000003 repeat; the others (another width, case, prefix, none, text) are new.
    expect(keys).toEqual([0, 1, 0, 2, 3, 1, 4, 5, 6, 7]);
    expect(t.size).toBe(8);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((k) => t.text(k))).toEqual(['P0000007', 'P0000003', 'P12', 'p0000003', 'Q0000003', '0000003', 'Ærø-1', 'P0000003 ']);
  });

  it('an id given as text and as its UTF-8 bytes is the same key', () => {
    const t = new KeyTable();
    expect(t.intern(bytes('høj-7'), 0, 6)).toBe(t.internText('høj-7'));
    expect(t.intern(bytes('x1234'), 0, 5)).toBe(t.internText('x1234'));
    expect(t.size).toBe(2);
  });

  it('stays exact for ids that differ only in high bits or arrive out of order over a wide range (no false repeats)', () => {
    const t = new KeyTable();
    const values: number[] = [];
    for (let i = 0; i < 20_000; i++) values.push(i * 2 ** 20, i * 2 ** 32 + 7, (i * 7919) % 1_000_003);
    const texts = values.map((v) => `N${String(v).padStart(15, '0')}`);
    const distinct = new Set(texts).size;
    const keys = texts.map((x) => t.internText(x));
    expect(t.size).toBe(distinct);
    // The same ids again: the same keys.
    expect(texts.map((x) => t.internText(x))).toEqual(keys);
    expect(t.text(keys[4])).toBe(texts[4]);
  });

  it('ids that arrive in increasing order (a sorted export) need no hashing, and a later id out of order still meets its first', () => {
    const t = new KeyTable();
    // P1 ×2, P2, P4 ×3 (increasing, with a gap), then P3 (smaller, new), P2 (smaller, known), P9.
    const ids = ['P1', 'P1', 'P2', 'P4', 'P4', 'P4', 'P3', 'P2', 'P9', 'P3', 'P1'];
    expect(ids.map((id) => t.internText(id))).toEqual([0, 0, 1, 2, 2, 2, 3, 1, 4, 3, 0]);
    expect(t.size).toBe(5);
  });
});

describe('UniqueKeys', () => {
  it('remembers the first line of each id; a repeat names it, whatever form the id has', () => {
    const u = new UniqueKeys();
    expect(u.seenBefore('A0000001', 2)).toBeUndefined();
    expect(u.seenBefore('A0000002', 3)).toBeUndefined();
    expect(u.seenBefore('x-1', 4)).toBeUndefined();
    expect(u.seenBeforeBytes(bytes('A0000001'), 0, 8, 5)).toBe(2);
    expect(u.seenBefore('x-1', 6)).toBe(4);
    expect(u.seenBefore('A1', 7)).toBeUndefined();
  });

  it('a million sorted ids and a million ids in random order: every repeat found, no false one', () => {
    for (const order of ['sorted', 'shuffled'] as const) {
      const u = new UniqueKeys();
      const n = 1_000_000;
      const ids = Array.from({ length: n }, (_, i) => i);
      if (order === 'shuffled') {
        let s = 7;
        for (let i = n - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (i + 1);
          [ids[i], ids[j]] = [ids[j], ids[i]];
        }
      }
      const id = Buffer.alloc(8);
      const write = (v: number) => id.write(`A${String(v).padStart(7, '0')}`, 'latin1');
      let repeats = 0;
      ids.forEach((v, line) => {
        write(v);
        if (u.seenBeforeBytes(id, 0, 8, line + 2) !== undefined) repeats++;
      });
      expect(repeats, order).toBe(0);
      // Every 100,000th id again names the line it was first on.
      for (let k = 0; k < n; k += 100_000) {
        write(ids[k]);
        expect(u.seenBeforeBytes(id, 0, 8, 0), order).toBe(k + 2);
      }
    }
  });

  it('numbers as keys (a table of numbers only)', () => {
    const u = new UniqueKeys();
    expect(u.seenBeforeNumber(2 ** 52 + 1, 2)).toBeUndefined();
    expect(u.seenBeforeNumber(2 ** 52, 3)).toBeUndefined();
    expect(u.seenBeforeNumber(2 ** 52 + 1, 4)).toBe(2);
  });
});

describe('TripleKeys (LUP: respondent, survey, question)', () => {
  it('a triple meets itself only, as a number or, with many survey or question ids, as its joined text', () => {
    const t = new TripleKeys();
    const surveys = new KeyTable();
    const questions = new KeyTable();
    const seen = (r: string, s: string, q: string, line: number) =>
      t.seenBefore(t.first.internText(r), surveys.internText(s), questions.internText(q), line, () => `${r}\u0000${s}\u0000${q}`);
    expect(seen('L1', 'maternity', '12', 2)).toBeUndefined();
    expect(seen('L1', 'maternity', '13', 3)).toBeUndefined();
    expect(seen('L2', 'maternity', '12', 4)).toBeUndefined();
    expect(seen('L1', 'maternity', '12', 5)).toBe(2);
    // 3,000 question ids: beyond 2,048 the triples are held as text, still exact.
    for (let q = 0; q < 3000; q++) expect(seen('L3', 'psychiatry', `q${q}`, 100 + q)).toBeUndefined();
    expect(seen('L3', 'psychiatry', 'q2999', 9)).toBe(3099);
    expect(seen('L3', 'psychiatry', 'q5', 9)).toBe(105);
  });
});

describe('moving a key table to another thread', () => {
  it('a table rebuilt from its exported state gives the same keys and texts', () => {
    const t = new KeyTable();
    for (const id of ['P1', 'P2', 'P7', 'x', 'P3', 'Ærø']) t.internText(id);
    const copy = KeyTable.fromState(structuredClone(t.exportState()));
    expect(['P1', 'P2', 'P7', 'x', 'P3', 'Ærø', 'P4'].map((id) => copy.internText(id))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(copy.text(5)).toBe('Ærø');
  });
});
