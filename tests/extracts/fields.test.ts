import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/calc/time.js';
import {
  Invalid,
  matchKey,
  parseAcute,
  parseAge,
  parseBoolean,
  parseDate,
  parseDateTime,
  parseDiagnosis,
  parseDied,
  parseEducation,
  parseFollowup,
  escapeControls,
  escapeJsonControls,
  parseInteger,
  parseNonNegativeInteger,
  parseLupAnswer,
  parseMunicipality,
  parseNonNegativeNumber,
  parseNumber,
  parseOffer,
  parsePatientType,
  parsePeriod,
  parsePsychiatric,
  parseReferralSource,
  parseSender,
  parseSex,
  parseYear,
  quote,
  truncateValue,
} from '../../src/extracts/fields.js';
import { parseGroupKey } from '../../src/extracts/group-key.js';

function message(v: unknown): string {
  expect(v).toBeInstanceOf(Invalid);
  return (v as Invalid).message;
}

// 2000-01-01 is day 10957 (30 years × 365 + 7 leap days 1972…1996); 2000-03-01 adds
// 31 (January) + 29 (February of the leap year 2000) = 11017.
const D_2000_03_01 = 11017;

describe('dates (SPEC §2.1)', () => {
  it('reads 1970-01-01 as day 0 and counts days by hand-checked anchors', () => {
    expect(parseDate('1970-01-01')).toBe(0);
    expect(parseDate('1970-01-02')).toBe(1);
    expect(parseDate('2000-03-01')).toBe(D_2000_03_01);
    // 1969-12-31 is the day before day 0.
    expect(parseDate('1969-12-31')).toBe(-1);
  });

  it('accepts YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY and DD/MM/YYYY as the same day', () => {
    for (const text of ['2000-03-01', '01-03-2000', '01.03.2000', '01/03/2000']) {
      expect(parseDate(text), text).toBe(D_2000_03_01);
    }
  });

  it('agrees with calc/time dayNumber on every day of 1900–2099 (leap years, centuries)', () => {
    for (let y = 1900; y <= 2099; y++) {
      for (let m = 1; m <= 12; m++) {
        for (const d of [1, 28, 29, 30, 31]) {
          const expected = dayNumber(y, m, d);
          const text = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          if (expected === null) expect(parseDate(text), text).toBeInstanceOf(Invalid);
          else expect(parseDate(text), text).toBe(expected);
        }
      }
    }
  });

  it('rejects impossible dates, naming the length of the month', () => {
    expect(message(parseDate('2016-02-30'))).toBe('"2016-02-30" is not a date: February 2016 has 29 days, not 30');
    expect(message(parseDate('29.02.2017'))).toBe('"29.02.2017" is not a date: February 2017 has 28 days, not 29');
    expect(parseDate('29.02.2016')).toBe(parseDate('2016-02-29'));
    expect(message(parseDate('2016-04-31'))).toContain('April 2016 has 30 days');
    expect(message(parseDate('2016-01-00'))).toContain('has 31 days, not 0');
  });

  it('rejects month 13 and other shapes with the accepted forms', () => {
    expect(message(parseDate('2016-13-01'))).toBe(
      '"2016-13-01" is not a date (expected YYYY-MM-DD or DD-MM-YYYY; DD.MM.YYYY, DD/MM/YYYY, YYYYMMDD and SAS 15MAR2016 are also accepted)',
    );
    for (const bad of ['2016-1-01', '1/3/2000', '2000/03/01', '01-03.2000', '2000301', '200003011', 'yesterday', '2016-0a-01', '01-03-20x0', '1MAR2000', '01MRZ2000', '01MAR00']) {
      expect(parseDate(bad), bad).toBeInstanceOf(Invalid);
    }
  });

  it('rejects a time of day in a date column', () => {
    expect(message(parseDate('2000-03-01 10:00'))).toContain('this column takes no time of day');
    expect(message(parseDate('01MAR2000:10:00'))).toContain('this column takes no time of day');
  });

  it('accepts YYYYMMDD (SPEC §6.1)', () => {
    expect(parseDate('20000301')).toBe(D_2000_03_01);
    expect(message(parseDate('20000230'))).toBe('"20000230" is not a date: February 2000 has 29 days, not 30');
  });

  it('accepts SAS DDMONYYYY with English or Danish month abbreviations in any case (SPEC §6.1)', () => {
    for (const text of ['01MAR2000', '01mar2000', '01Mar2000']) expect(parseDate(text), text).toBe(D_2000_03_01);
    // Every month, English and Danish spellings: the 15th of month m of 2016 equals 2016-MM-15.
    const months = [['JAN'], ['FEB'], ['MAR'], ['APR'], ['MAY', 'MAJ', 'maj'], ['JUN'], ['JUL'], ['AUG'], ['SEP'], ['OCT', 'OKT', 'okt'], ['NOV'], ['DEC']];
    months.forEach((names, i) => {
      for (const name of names) expect(parseDate(`15${name}2016`), name).toBe(parseDate(`2016-${String(i + 1).padStart(2, '0')}-15`));
    });
    expect(message(parseDate('30FEB2016'))).toBe('"30FEB2016" is not a date: February 2016 has 29 days, not 30');
  });

  it('makes every date outside 1900-01-01 … 2099-12-31 an error "outside the plausible range 1900–2099" (SPEC §6.1)', () => {
    expect(parseDate('1900-01-01')).toBe(dayNumber(1900, 1, 1));
    expect(parseDate('2099-12-31')).toBe(dayNumber(2099, 12, 31));
    for (const text of ['1899-12-31', '2100-01-01', '31.12.1899', '01JAN2100', '00010101', '9999-12-31']) {
      expect(message(parseDate(text)), text).toBe(`"${text}" is outside the plausible range 1900–2099 (a typing error, or a placeholder date?)`);
    }
  });
});

describe('date-times (SPEC §2.1)', () => {
  const base = D_2000_03_01 * 86400;

  it('reads a date, then T or a space, then HH:MM or HH:MM:SS', () => {
    // 09:15 = 9 × 3600 + 15 × 60 = 33300 s; 23:59:59 = 86399 s.
    expect(parseDateTime('2000-03-01 09:15')).toBe(base + 33300);
    expect(parseDateTime('2000-03-01T09:15')).toBe(base + 33300);
    expect(parseDateTime('01-03-2000 09:15:07')).toBe(base + 33307);
    expect(parseDateTime('01.03.2000T23:59:59')).toBe(base + 86399);
    expect(parseDateTime('01/03/2000 00:00')).toBe(base);
  });

  it('reads a bare date as 00:00', () => {
    expect(parseDateTime('2000-03-01')).toBe(base);
    expect(parseDateTime('01.03.2000')).toBe(base);
  });

  it('gives the SPEC message, naming the accepted forms, for a bad date in a date-time column', () => {
    expect(message(parseDateTime('2016-13-01'))).toBe(
      '"2016-13-01" is not a date (expected YYYY-MM-DD or DD-MM-YYYY, optionally with HH:MM or HH:MM:SS; DD.MM.YYYY, DD/MM/YYYY, YYYYMMDD and SAS 15MAR2016:09:30 are also accepted)',
    );
  });

  it('reads SAS DATETIME DDMONYYYY:HH:MM[:SS], and the other date forms with a time (SPEC §6.1)', () => {
    // 00:17 = 17 × 60 = 1020 s.
    expect(parseDateTime('01MAR2000:00:17:00')).toBe(base + 1020);
    expect(parseDateTime('01mar2000:00:17')).toBe(base + 1020);
    expect(parseDateTime('01MAR2000 00:17')).toBe(base + 1020);
    expect(parseDateTime('20000301 00:17')).toBe(base + 1020);
    expect(parseDateTime('20000301T00:17:00')).toBe(base + 1020);
    // The colon separates a time only after a SAS date.
    expect(parseDateTime('2000-03-01:00:17')).toBeInstanceOf(Invalid);
  });

  it('truncates a fraction of a second to whole seconds (SPEC §6.1: 12:30:05.000 as SQL Server writes it)', () => {
    // 12:30:05 = 12 × 3600 + 30 × 60 + 5 = 45005 s; .999 is dropped, not rounded.
    expect(parseDateTime('2000-03-01 12:30:05.000')).toBe(base + 45005);
    expect(parseDateTime('2000-03-01 12:30:05.9999999')).toBe(base + 45005);
    expect(parseDateTime('01MAR2000:12:30:05.5')).toBe(base + 45005);
    for (const bad of ['2000-03-01 12:30:05.', '2000-03-01 12:30.5', '2000-03-01 12:30:05.5x']) expect(parseDateTime(bad), bad).toBeInstanceOf(Invalid);
  });

  it('accepts an hour of one digit (SPEC §6.1: 9:05)', () => {
    // 9:05 = 9 × 3600 + 5 × 60 = 32700 s.
    expect(parseDateTime('2000-03-01 9:05')).toBe(base + 32700);
    expect(parseDateTime('01.03.2000 9:05:10')).toBe(base + 32710);
  });

  it('makes a date-time outside 1900–2099 an error "outside the plausible range" (SPEC §6.1)', () => {
    expect(message(parseDateTime('2100-01-01 00:00'))).toBe('"2100-01-01 00:00" is outside the plausible range 1900–2099 (a typing error, or a placeholder date?)');
    expect(message(parseDateTime('01JAN1899:00:00:00'))).toContain('outside the plausible range 1900–2099');
    expect(parseDateTime('2099-12-31 23:59:59')).toBe(dayNumber(2099, 12, 31)! * 86400 + 86399);
  });

  it('rejects hours above 23 and minutes or seconds above 59', () => {
    expect(message(parseDateTime('2000-03-01 24:00'))).toContain('hours must be 00–23');
    expect(message(parseDateTime('2000-03-01 12:60'))).toContain('minutes and seconds must be 00–59');
    expect(message(parseDateTime('2000-03-01 12:00:60'))).toContain('minutes and seconds must be 00–59');
  });

  it('rejects other time shapes', () => {
    for (const bad of ['2000-03-01 9:5', '2000-03-01 123:15', '2000-03-01 09', '2000-03-01  09:15', '2000-03-01x09:15', '2000-03-01 09-15', '2000-03-01 09:15Z', '2000-03-01 09:15:00+01:00']) {
      expect(parseDateTime(bad), bad).toBeInstanceOf(Invalid);
    }
  });
});

describe('numbers (SPEC §2.1)', () => {
  it('accepts . or , as the decimal separator', () => {
    expect(parseNumber('1234.5')).toBe(1234.5);
    expect(parseNumber('1234,5')).toBe(1234.5);
    expect(parseNumber('0,25')).toBe(0.25);
    expect(parseNumber('24000')).toBe(24000);
    expect(parseNumber('-3,5')).toBe(-3.5);
  });

  it('rejects digit grouping: 1.234,50 is an error', () => {
    expect(message(parseNumber('1.234,50'))).toBe(
      '"1.234,50" is not a number (expected digits with . or , as the decimal separator and no thousands separator)',
    );
    for (const bad of ['1,234.50', '1 234', '1.234.567', '1e5', '.5', '5.', '-', 'kr 100', '+5', '']) {
      expect(parseNumber(bad), bad).toBeInstanceOf(Invalid);
    }
  });

  it('reads a lone separator as the decimal separator: 1.234 is 1.234, not 1234', () => {
    expect(parseNumber('1.234')).toBe(1.234);
    expect(parseNumber('1,234')).toBe(1.234);
  });

  it('rejects negative amounts where the SPEC says ≥ 0', () => {
    expect(parseNonNegativeNumber('0')).toBe(0);
    expect(message(parseNonNegativeNumber('-1'))).toBe('"-1" is negative (expected a number ≥ 0)');
  });

  it('reads whole numbers and rejects decimals in them', () => {
    expect(parseInteger('007')).toBe(7);
    expect(parseInteger('-12')).toBe(-12);
    expect(message(parseInteger('72.0'))).toBe('"72.0" is not a whole number');
  });

  it('makes a whole number above 2⁵³ − 1 an error "too large", not "not a whole number" (SPEC §6.1)', () => {
    // 2⁵³ − 1 = 9007199254740991 is the largest integer a double holds exactly; 2⁵³ is the next.
    expect(parseInteger('9007199254740991')).toBe(9007199254740991);
    expect(parseInteger('-9007199254740991')).toBe(-9007199254740991);
    expect(parseInteger('0000000000000000000042')).toBe(42); // long, but small
    const tooLarge = '"9007199254740992" is too large (a whole number can be at most 9007199254740991, 2⁵³ − 1)';
    expect(message(parseInteger('9007199254740992'))).toBe(tooLarge);
    expect(message(parseNonNegativeInteger('9007199254740992'))).toBe(tooLarge);
    expect(message(parseInteger('123456789012345678901234567890'))).toContain('is too large');
    // In a number column too, when it is written as a whole number; a decimal is a decimal.
    expect(message(parseNumber('9007199254740992'))).toBe(tooLarge);
    expect(parseNumber('9007199254740992,5')).toBe(9007199254740992.5);
  });

  it('accepts ages 0–125 only', () => {
    expect(parseAge('0')).toBe(0);
    expect(parseAge('125')).toBe(125);
    expect(message(parseAge('126'))).toBe('"126" is not an age (expected whole years 0–125)');
    expect(parseAge('-1')).toBeInstanceOf(Invalid);
    expect(parseAge('72,5')).toBeInstanceOf(Invalid);
  });

  it('accepts four-digit years', () => {
    expect(parseYear('2017')).toBe(2017);
    expect(parseYear('17')).toBeInstanceOf(Invalid);
    expect(parseYear('2017.0')).toBeInstanceOf(Invalid);
  });
});

describe('booleans (SPEC §2.1)', () => {
  it('accepts 1/0, true/false, yes/no, ja/nej, j/n in any case', () => {
    for (const t of ['1', 'true', 'TRUE', 'yes', 'Yes', 'ja', 'JA', 'j', 'J']) expect(parseBoolean(t), t).toBe(true);
    for (const f of ['0', 'false', 'False', 'no', 'NO', 'nej', 'Nej', 'n', 'N']) expect(parseBoolean(f), f).toBe(false);
  });

  it('rejects anything else', () => {
    expect(message(parseBoolean('y'))).toContain('is not a yes/no value (expected 1, 0, true, false');
    expect(parseBoolean('2')).toBeInstanceOf(Invalid);
  });
});

describe('municipality codes (SPEC §2.1)', () => {
  it('keeps 3 digits and normalises a 4-digit form with a leading zero', () => {
    expect(parseMunicipality('751')).toBe('751');
    expect(parseMunicipality('0751')).toBe('751');
    // Codes outside the region are valid (cluster "Outside region").
    expect(parseMunicipality('101')).toBe('101');
  });

  it('rejects other shapes', () => {
    for (const bad of ['75', '1751', '07510', 'Aarhus', '75a', '751.0']) expect(parseMunicipality(bad), bad).toBeInstanceOf(Invalid);
    expect(message(parseMunicipality('75'))).toBe('"75" is not a municipality code (expected 3 digits, e.g. 751; 0751 is read as 751)');
  });
});

describe('enumerations with their aliases (SPEC §2.1–§2.5)', () => {
  it('sex: F/M; K, kvinde, female → F; mand, male → M', () => {
    for (const f of ['F', 'f', 'K', 'k', 'kvinde', 'Kvinde', 'female', 'FEMALE']) expect(parseSex(f), f).toBe('F');
    for (const m of ['M', 'm', 'mand', 'Mand', 'male']) expect(parseSex(m), m).toBe('M');
    expect(parseSex('x')).toBeInstanceOf(Invalid);
  });

  it('education: kort/low → short, mellem/mellemlang → medium, lang/high → long', () => {
    for (const s of ['short', 'kort', 'low', 'Kort']) expect(parseEducation(s), s).toBe('short');
    for (const s of ['medium', 'mellem', 'mellemlang', 'MELLEMLANG']) expect(parseEducation(s), s).toBe('medium');
    for (const s of ['long', 'lang', 'high']) expect(parseEducation(s), s).toBe('long');
    expect(parseEducation('phd')).toBeInstanceOf(Invalid);
  });

  it('admission_type: acute/akut/1 are acute, planned/planlagt/2 planned', () => {
    for (const s of ['acute', 'Akut', 'AKUT', '1']) expect(parseAcute(s), s).toBe(true);
    for (const s of ['planned', 'planlagt', '2']) expect(parseAcute(s), s).toBe(false);
    expect(message(parseAcute('3'))).toBe('"3" is not an admission type (expected acute, akut, 1, planned, planlagt or 2)');
  });

  it('sector: somatik/psykiatri', () => {
    expect(parsePsychiatric('somatik')).toBe(false);
    expect(parsePsychiatric('Psykiatri')).toBe(true);
    expect(parsePsychiatric('psychiatric')).toBe(true);
  });

  it('discharge_status: død and doed mean died', () => {
    expect(parseDied('død')).toBe(true);
    expect(parseDied('DØD')).toBe(true);
    expect(parseDied('doed')).toBe(true);
    expect(parseDied('died')).toBe(true);
    expect(parseDied('alive')).toBe(false);
  });

  it('sender: almen_praksis and egen_læge are gp, sygehus hospital, psykiatri psychiatry, borger self', () => {
    expect(parseSender('almen_praksis')).toBe('gp');
    expect(parseSender('Almen praksis')).toBe('gp');
    expect(parseSender('egen_læge')).toBe('gp');
    expect(parseSender('egen_laege')).toBe('gp');
    expect(parseSender('sygehus')).toBe('hospital');
    expect(parseSender('psykiatri')).toBe('psychiatry');
    expect(parseSender('borger')).toBe('self');
    expect(parseSender('other')).toBe('other');
    expect(parseSender('kommune')).toBeInstanceOf(Invalid);
  });

  it('referral_source has no psychiatry value', () => {
    expect(parseReferralSource('GP')).toBe('gp');
    expect(parseReferralSource('psychiatry')).toBeInstanceOf(Invalid);
  });

  it('offer: the Danish aliases, also with ae/oe/aa and a decomposed å', () => {
    const cases: Array<[string, string]> = [
      ['rygestop', 'smoking_cessation'],
      ['alkohol', 'alcohol'],
      ['overvægt', 'weight'],
      ['overvaegt', 'weight'],
      ['motion', 'physical_activity'],
      ['kost', 'diet'],
      ['kronisk_sygdom', 'chronic_disease'],
      ['Kronisk sygdom', 'chronic_disease'],
      ['mental_sundhed', 'mental_health'],
      ['genoptræning', 'rehabilitation'],
      ['genoptraening', 'rehabilitation'],
      ['sårbar_gravid', 'vulnerable_pregnancy'],
      ['saarbar_gravid', 'vulnerable_pregnancy'],
      // "a" followed by U+030A COMBINING RING ABOVE, as some systems write å.
      ['sa\u030Arbar_gravid', 'vulnerable_pregnancy'],
      ['SMOKING_CESSATION', 'smoking_cessation'],
    ];
    for (const [text, offer] of cases) expect(parseOffer(text), text).toBe(offer);
    expect(parseOffer('yoga')).toBeInstanceOf(Invalid);
  });

  it('followup_6m: røgfri, ryger, ikke_opnået and not_reached', () => {
    expect(parseFollowup('røgfri')).toBe('smoke_free');
    expect(parseFollowup('Røgfri')).toBe('smoke_free');
    expect(parseFollowup('roegfri')).toBe('smoke_free');
    expect(parseFollowup('ryger')).toBe('smoking');
    expect(parseFollowup('ikke_opnået')).toBe('lost');
    expect(parseFollowup('not_reached')).toBe('lost');
    expect(parseFollowup('lost')).toBe('lost');
  });

  it('patient_type: indlagt/ambulant', () => {
    expect(parsePatientType('indlagt')).toBe('inpatient');
    expect(parsePatientType('Ambulant')).toBe('outpatient');
    expect(parsePatientType('OUTPATIENT')).toBe('outpatient');
  });

  it('matchKey folds case, spaces and hyphens, and writes æ ø å as ae oe aa', () => {
    expect(matchKey(' Sårbar  Gravid ')).toBe('saarbar_gravid');
    expect(matchKey('ikke-opnået')).toBe('ikke_opnaaet');
    expect(matchKey('Færdigbehandlet')).toBe('faerdigbehandlet');
  });
});

describe('LUP answers (SPEC §2.5)', () => {
  it('5, 4 and Ja are positive, as text or code, in any case', () => {
    for (const a of ['I meget høj grad', 'i meget høj grad', 'I MEGET HØJ GRAD', '5', 'I høj grad', '4', 'Ja', 'ja']) {
      expect(parseLupAnswer(a), a).toBe('positive');
    }
  });

  it('3, 2, 1 and Nej are valid but not positive', () => {
    for (const a of ['I nogen grad', '3', 'I ringe grad', '2', 'Slet ikke', '1', 'Nej', 'NEJ']) expect(parseLupAnswer(a), a).toBe('negative');
  });

  it('Ved ikke, Ikke relevant, 9 and 0 are excluded', () => {
    for (const a of ['Ved ikke', 'ved ikke', 'Ikke relevant', '9', '0']) expect(parseLupAnswer(a), a).toBe('excluded');
  });

  it('any other value is an error', () => {
    for (const a of ['6', 'Maybe', 'I høj', '4.0', '-1']) expect(parseLupAnswer(a), a).toBeInstanceOf(Invalid);
  });
});

describe('diagnosis normalisation (SPEC §2.2)', () => {
  it('drops a leading SKS D before a letter: DJ440 → J440, DD509 → D509, D509 stays', () => {
    expect(parseDiagnosis('DJ440')).toBe('J440');
    expect(parseDiagnosis('DD509')).toBe('D509');
    expect(parseDiagnosis('D509')).toBe('D509');
  });

  it('upper-cases and removes dots and spaces', () => {
    expect(parseDiagnosis('dj44.0')).toBe('J440');
    expect(parseDiagnosis('N39.0')).toBe('N390');
    expect(parseDiagnosis('K 59.0')).toBe('K590');
    expect(parseDiagnosis('z763')).toBe('Z763');
    expect(parseDiagnosis('DZ763')).toBe('Z763');
  });

  it('requires a letter, two digits, then digits or letters', () => {
    expect(parseDiagnosis('J44')).toBe('J44');
    expect(parseDiagnosis('DS720A')).toBe('S720A');
    for (const bad of ['J4', '44J0', 'JJ440', 'DDJ440', 'J4X0', 'J44-0', 'Ø440']) expect(parseDiagnosis(bad), bad).toBeInstanceOf(Invalid);
  });
});

describe('periods and group keys (SPEC §2.7)', () => {
  it('normalises period ids', () => {
    expect(parsePeriod('2016')).toBe('2016');
    expect(parsePeriod('2016-q1')).toBe('2016-Q1');
    expect(parsePeriod('2016-01')).toBe('2016-01');
    expect(parsePeriod('2016-13')).toBeInstanceOf(Invalid);
    expect(parsePeriod('2016-01..2016-12')).toBeInstanceOf(Invalid);
  });

  it('parses cluster=Vest;sex=F into a group with canonical values, keys in dimension order', () => {
    expect(parseGroupKey('cluster=Vest;sex=F')).toEqual({ cluster: 'Vest', sex: 'F' });
    const g = parseGroupKey(' sex = K ; cluster = vest ');
    expect(g).toEqual({ cluster: 'Vest', sex: 'F' });
    expect(Object.keys(g as object)).toEqual(['cluster', 'sex']);
    expect(parseGroupKey('patient_type=indlagt')).toEqual({ patient_type: 'inpatient' });
    expect(parseGroupKey('municipality=0751;age_band=85+')).toEqual({ municipality: '751', age_band: '85+' });
    expect(parseGroupKey('cluster=Outside region;education=unknown')).toEqual({ cluster: 'Outside region', education: 'unknown' });
  });

  it('rejects unknown dimensions, unknown values, repeated dimensions and missing =', () => {
    expect(message(parseGroupKey('clustr=Vest'))).toContain('unknown dimension "clustr"');
    expect(message(parseGroupKey('cluster=Nord'))).toContain('"Nord" is not a cluster');
    expect(message(parseGroupKey('sex=F;sex=M'))).toContain('names the dimension sex twice');
    expect(message(parseGroupKey('Vest'))).toContain('dimension=value pairs');
  });
});

describe('how values are shown', () => {
  it('truncates shown values to 40 characters', () => {
    const long = 'x'.repeat(100);
    expect(truncateValue(long)).toHaveLength(40);
    expect(truncateValue(long).endsWith('…')).toBe(true);
    expect(truncateValue('x'.repeat(40))).toBe('x'.repeat(40));
    expect(quote('a"b\n')).toBe('"a\\"b\\n"');
  });
});

describe('control characters from an input (SPEC §6.1)', () => {
  it('shows C0 controls, DEL and C1 controls as \\xHH in messages, line breaks and TAB as \\n \\r \\t', () => {
    expect(escapeControls('a\u001b[31mb\u007f\u0085\u009b\u0000')).toBe('a\\x1b[31mb\\x7f\\x85\\x9b\\x00');
    expect(escapeControls('two\r\nlines\tx')).toBe('two\\r\\nlines\\tx');
    // Printable Latin-1 (æ ø å, NBSP at A0) and beyond stay as they are.
    expect(escapeControls('æøå\u00a0€')).toBe('æøå\u00a0€');
  });

  it('quotes a value with quotes and backslashes escaped as in JSON and controls as \\xHH', () => {
    expect(quote('5" screen')).toBe('"5\\" screen"');
    expect(quote('a\\b')).toBe('"a\\\\b"');
    expect(quote('\u001b[2J')).toBe('"\\x1b[2J"');
  });

  it('escapes DEL and C1 controls in JSON text as \\u00HH, which JSON.stringify leaves raw', () => {
    const json = JSON.stringify({ v: 'a\u001bb\u007fc\u009bd' });
    // JSON.stringify escapes ESC (C0) but not DEL or CSI (C1):
    expect(json).toBe('{"v":"a\\u001bb\u007fc\u009bd"}');
    expect(escapeJsonControls(json)).toBe('{"v":"a\\u001bb\\u007fc\\u009bd"}');
    expect(JSON.parse(escapeJsonControls(json))).toEqual({ v: 'a\u001bb\u007fc\u009bd' });
  });
});
