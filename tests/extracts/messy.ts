// Messy copies of a generated sample, for the tests that read the same files through the fast
// and the general path (SPEC §12): about one row in ten gets one of the irregularities real
// exports have — a duplicate id, spaces, quotes (with delimiters and line breaks inside), a
// blank or all-empty row, too many or too few fields, aliases and other date forms, bad
// values, text that is not ASCII — and an extra free-text column is added to some files. The
// choice is seeded: the same seed gives the same files.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MessyOptions {
  seed: number;
  /** Line break: LF (default) or CR LF. */
  crlf?: boolean;
  /** Field delimiter; default ",". */
  delimiter?: string;
  /** Write the text as Windows-1252 instead of UTF-8. */
  cp1252?: boolean;
  /** Add a free-text `note` column (quoted fields, delimiters and line breaks inside). */
  note?: boolean;
  /** Share of rows changed (default 0.1). */
  rate?: number;
}

type Change = (fields: string[], header: string[], ids: string[]) => string[] | string | null;

/** A seeded generator (a linear congruential one: enough to pick changes). */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
}

const set =
  (column: string, value: string | ((v: string) => string)): Change =>
  (f, header) => {
    const i = header.indexOf(column);
    if (i >= 0) f[i] = typeof value === 'function' ? value(f[i]) : value;
    return f;
  };

const COMMON: Change[] = [
  (f, _h, ids) => ((f[0] = ids[Math.floor(ids.length / 2)] ?? f[0]), f), // a duplicate id
  (f) => f.map((x) => ` ${x} `),
  (f) => f.map((x) => `"${x}"`),
  () => '', // a blank line
  (f) => f.map(() => ''), // Excel's ,,,,
  (f) => [...f, ''], // an empty extra field: fine
  (f) => [...f, 'x'], // one field too many
  (f) => f.slice(0, -1), // one too few
  (f) => ((f[0] = f[0] + 'é'), f),
  (f) => ((f[0] = ''), f),
  set('municipality_code', (v) => `0${v}`),
  set('municipality_code', 'x1'),
  set('age', '200'),
  set('age', '007'),
  set('age', ''),
  set('sex', 'kvinde'),
  set('sex', 'K'),
  set('sex', 'f'),
  set('sex', 'Z'),
  set('education', 'kort'),
  set('education', 'HIGH'),
  set('education', 'mellem lang'),
  set('education', 'høj'),
];

const BY_EXTRACT: Record<string, Change[]> = {
  admissions: [
    set('admitted_at', (v) => v.replace(' ', 'T')),
    set('admitted_at', (v) => `${v}:07`),
    set('admitted_at', (v) => `${v}:07.250`),
    set('admitted_at', (v) => v.slice(0, 10)),
    set('admitted_at', (v) => {
      const [d, t] = v.split(' ');
      const [y, m, dd] = d.split('-');
      return `${dd}.${m}.${y} ${t}`;
    }),
    set('admitted_at', (v) => v.replace('-', '').replace('-', '')),
    set('admitted_at', (v) => v.replace(' 0', ' ')),
    set('admitted_at', '2016-02-30 10:00'),
    set('admitted_at', '2016-13-01 10:00'),
    set('admitted_at', '2016-01-01 25:00'),
    set('admitted_at', '2016-01-01 10:60'),
    set('admitted_at', '15MAR2016:09:30:00'),
    set('admitted_at', '1899-12-31'),
    set('discharged_at', ''),
    set('discharged_at', '2000-01-01 00:00'),
    set('admission_type', 'akut'),
    set('admission_type', '1'),
    set('admission_type', 'Planned'),
    set('admission_type', 'x'),
    set('primary_diagnosis', 'DJ44.0'),
    set('primary_diagnosis', 'j440'),
    set('primary_diagnosis', 'D509'),
    set('primary_diagnosis', '??'),
    set('sector', 'psykiatri'),
    set('sector', ''),
    set('cost_dkk', (v) => v.replace('.', ',')),
    set('cost_dkk', '-5'),
    set('cost_dkk', '1.234,5'),
    set('cost_dkk', ''),
    set('cost_dkk', '12345678901234567890'),
    set('cost_dkk', '0.1'),
    set('cofinancing_dkk', (v) => `${v}0`),
    set('cofinancing_dkk', '.5'),
    set('cofinancing_dkk', '5.'),
    set('ready_for_discharge_at', '2000-01-01 00:00'),
    set('discharge_status', 'død'),
    set('discharge_status', 'DIED'),
    set('discharge_status', ''),
  ],
  // SPEC §14.1: LPR3 codes, Danish words, secondary-diagnosis lists written every way, the
  // ready time and end_at against their contact.
  contacts: [
    set('start_at', (v) => v.replace(' ', 'T')),
    set('start_at', (v) => `${v}:07.250`),
    set('start_at', (v) => v.slice(0, 10)),
    set('start_at', '2016-02-30 10:00'),
    set('start_at', '15MAR2016:09:30:00'),
    set('start_at', ''),
    set('end_at', ''),
    set('end_at', '2000-01-01 00:00'),
    set('end_at', '2016-01-01 24:00'),
    set('contact_type', 'ALCA00'),
    set('contact_type', 'alca10'),
    set('contact_type', 'ALCA20'),
    set('contact_type', 'Fysisk'),
    set('contact_type', 'udekontakt'),
    set('contact_type', 'ALCA99'),
    set('contact_type', ''),
    set('priority', 'ATA1'),
    set('priority', 'ata3'),
    set('priority', 'Akut'),
    set('priority', 'planlagt'),
    set('priority', '1'),
    set('priority', 'ATA2'),
    set('action_diagnosis', 'DJ44.0'),
    set('action_diagnosis', 'j440'),
    set('action_diagnosis', '??'),
    set('action_diagnosis', ''),
    set('secondary_diagnoses', 'DI10|DE119'),
    set('secondary_diagnoses', 'DI10 | de11.9'),
    set('secondary_diagnoses', '|DI10||  DE119 |'),
    set('secondary_diagnoses', 'DI10   DE119'),
    set('secondary_diagnoses', '| |'),
    set('secondary_diagnoses', 'DI10|X?'),
    set('secondary_diagnoses', '"DI10,DE119"'),
    set('sector', 'psykiatri'),
    set('sector', 'x'),
    set('unit_type', 'Hospice'),
    set('unit_type', 'sygehus'),
    set('unit_type', 'hjemme'),
    set('ready_for_discharge_at', '2000-01-01 00:00'),
    set('ready_for_discharge_at', '2099-01-01 00:00'),
    set('end_status', 'død'),
    set('end_status', 'DØD'),
    set('end_status', 'doed'),
    set('end_status', 'DIED'),
    set('end_status', 'x'),
  ],
  referrals: [
    set('referred_at', '2016-02-29'),
    set('referred_at', '2015-02-29'),
    set('referred_at', '20160301'),
    set('referred_at', '01/03/2016'),
    set('referred_at', '2016-03-01 10:00'),
    set('sender', 'egen læge'),
    set('sender', 'Sygehus'),
    set('sender', '?'),
    set('offer', 'sårbar gravid'),
    set('offer', 'genoptræning'),
    set('offer', 'Rygestop'),
    set('received_at', '2000-01-01'),
    set('contacted_at', '2000-01-01'),
  ],
  smoking: [
    set('completed', 'ja'),
    set('completed', 'nej'),
    set('completed', 'maybe'),
    set('completed', ''),
    set('heavy_smoker', '1'),
    set('followup_6m', 'røgfri'),
    set('followup_6m', 'ikke opnået'),
    set('followup_6m', 'Smoke-Free'),
    set('referral_source', 'psychiatry'),
  ],
  lup: [
    set('answer', 'I høj grad'),
    set('answer', 'i meget høj grad'),
    set('answer', 'Ved ikke'),
    set('answer', 'nej'),
    set('answer', ''),
    set('answer', '7'),
    set('survey', 'MATERNITY'),
    set('question', '23A'),
    set('patient_type', 'ambulant'),
    set('patient_type', 'Indlagt'),
  ],
};

/** A NUL byte in a used field (not text: a row problem, SPEC §6.1). */
const nul: Change = (f) => ((f[0] = f[0] + '\u0000'), f);

const NOTES = ['', 'plain note', '"quoted, with a comma"', '"multi\nline ""note"""', 'Ærø kommune', 'næste', '"x"', '"a;b"'];

/** Writes a messy copy of `${sampleDir}/${extract}.csv` into `outDir`; returns its path. */
export function messyCopy(sampleDir: string, outDir: string, extract: string, options: MessyOptions): string {
  const rnd = random(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const lines = readFileSync(join(sampleDir, `${extract}.csv`), 'utf8').split('\n').filter((l) => l !== '');
  const header = lines[0].split(',');
  const changes = [...COMMON, ...(BY_EXTRACT[extract] ?? [])];
  const d = options.delimiter ?? ',';
  const out: string[] = [(options.note ? [...header, 'note'] : header).join(d)];
  const ids: string[] = [];
  let written = 0;
  for (let i = 1; i < lines.length; i++) {
    let fields: string[] | string | null = lines[i].split(',');
    ids.push(fields[0]);
    if (rnd() < (options.rate ?? 0.1)) {
      // A NUL byte only after the first 64 KiB, where it would make the file binary.
      const change = written > 70_000 && rnd() < 0.02 ? nul : pick(changes);
      fields = change(fields, header, ids);
    }
    if (fields === null) continue;
    let line = typeof fields === 'string' ? fields : fields.join(d);
    if (options.note && typeof fields !== 'string') line += d + pick(NOTES);
    out.push(line);
    written += line.length + 1;
  }
  const text = out.join(options.crlf ? '\r\n' : '\n') + (options.crlf ? '\r\n' : '\n');
  const path = join(outDir, `${extract}.csv`);
  writeFileSync(path, options.cp1252 ? windows1252(text) : Buffer.from(text, 'utf8'));
  return path;
}

/** The text in Windows-1252 (Latin-1 for the characters the changes use). */
function windows1252(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
