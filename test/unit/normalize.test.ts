import { describe, expect, it } from 'vitest';
import { cleanCell, isEmptyValue } from '../../src/normalize/empty.js';
import { normalizeNik } from '../../src/normalize/nik.js';
import { normalizePhone } from '../../src/normalize/phone.js';

describe('normalizeNik', () => {
  it('keeps a Papua NIK above 2^53 digit for digit', () => {
    const papua = '9171015505900001';
    expect(Number(papua) > Number.MAX_SAFE_INTEGER).toBe(true);
    expect(String(Number(papua))).not.toBe(papua);
    expect(normalizeNik(papua)).toEqual({ raw: papua, digits: papua, wellFormed: true, excelMangled: false });
    expect(normalizeNik(` ="${papua}" `).digits).toBe(papua);
  });

  it('drops spaces, dots, dashes, a leading apostrophe and the ="..." wrapper', () => {
    for (const cell of ["'3275084507850001", '3275 0845 0785 0001', '3275.0845.0785.0001', '3275-0845-0785-0001', '="3275084507850001"', '\u20183275084507850001']) {
      expect(normalizeNik(cell).digits, cell).toBe('3275084507850001');
    }
  });

  it('marks scientific notation, with . or , and any case of E', () => {
    for (const cell of ['3.27501E+15', '3,27501E+15', '3.27501e+15', '3E+15']) {
      expect(normalizeNik(cell), cell).toMatchObject({ excelMangled: true, wellFormed: false, digits: cell });
    }
  });
});

describe('normalizePhone', () => {
  it.each([
    ['081234567801', '081234567801'],
    ['+62 812-3456-7801', '081234567801'],
    ['62 812 3456 7801', '081234567801'],
    ['81234567801', '081234567801'],
    ['(0812) 3456.7801', '081234567801'],
    ['="081234567801"', '081234567801'],
    ['+62 0812 3456 7801', '081234567801'],
    ['0857-1111-0001', '085711110001'],
  ])('%j becomes %j', (cell, expected) => {
    expect(normalizePhone(cell)).toEqual({ raw: cell.trim(), normalized: expected, valid: true });
  });

  it('gives no number for a landline or a too-short number', () => {
    expect(normalizePhone('021-8850 123')).toEqual({ raw: '021-8850 123', normalized: '', valid: false });
    expect(normalizePhone('0812').valid).toBe(false);
  });
});

describe('empty values', () => {
  it('knows the placeholders in any case and with extra spaces', () => {
    for (const v of ['', '  ', '-', '--', '.', '0', 'n/a', 'NA', 'null', 'Tidak  Ada', 'TDK ADA', 'belum ada', 'Kosong']) {
      expect(isEmptyValue(v), JSON.stringify(v)).toBe(true);
    }
    for (const v of ['00', 'ADA', 'JL. KOSONG', '0812']) expect(isEmptyValue(v), v).toBe(false);
  });

  it('trims and folds inner whitespace, line breaks included', () => {
    expect(cleanCell('  KP. DUKUH\r\n RT 01 ')).toBe('KP. DUKUH RT 01');
    expect(cleanCell('TIDAK ADA')).toBe('');
  });
});
