import { describe, expect, it } from 'vitest';
import { auditHeader, auditRow, resolveBirthDate, submissionValue, unionColumns } from '../../src/report/csv-rows.js';
import type { RowOutcome } from '../../src/outcome/row-outcome.js';
import type { Field } from '../../src/schema/fields.js';
import { BASE, row } from '../helpers/rows.js';
import { neutralizeCell } from '../../src/io/neutralize.js';
import { SummaryCounter } from '../../src/report/summary.js';
import { looksLikeFooterLine } from '../../src/pipeline/footer.js';

describe('neutralizeCell', () => {
  it('prefixes what a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '=HYPERLINK("x")', '+62 812-3456', '-A1', '@SUM(1)', '\tX', '\rX']) {
      expect(neutralizeCell(v), v).toBe(`'${v}`);
    }
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const v of ['-5', '+6281234567801', '3,5', 'SITI', '', '3275084507850001']) expect(neutralizeCell(v), v).toBe(v);
  });
});

describe('unionColumns', () => {
  it('joins columns of the same field under the first header, others by name, extras by position', () => {
    const union = unionColumns(
      [
        { headerCells: ['NO', 'NIK', 'NAMA', 'KETERANGAN'], width: 4, columns: { nik: 1, nama: 2 } },
        { headerCells: ['No. KTP', 'Nama Lengkap', 'NO', ''], width: 5, columns: { nik: 0, nama: 1 } },
      ],
      ['source_file'],
    );
    expect(union).toEqual({
      headers: ['NO', 'NIK', 'NAMA', 'KETERANGAN', 'KOLOM_4', 'KOLOM_5'],
      positions: [
        [0, 1, 2, 3],
        [1, 2, 0, 4, 5],
      ],
    });
  });
});

describe('looksLikeFooterLine', () => {
  it('knows totals and signature blocks', () => {
    for (const cells of [['JUMLAH', '', '245 USULAN'], ['', 'Bekasi, 12 Mei 2021'], ['CAMAT PONDOK GEDE'], ['NIP. 19700101 199003 1 001'], ['TOTAL', '245']]) {
      expect(looksLikeFooterLine(cells), cells.join('|')).toBe(true);
    }
  });

  it('does not take a data row for a footer', () => {
    expect(looksLikeFooterLine(['1', '3275084507850001', 'SITI AMINAH'])).toBe(false);
    expect(looksLikeFooterLine(['245'])).toBe(false);
  });
});

describe('submission values', () => {
  const outcome = (values: Partial<Record<Field, string>>) => ({ row: row({ ...BASE, ...values }) }) as unknown as RowOutcome;

  it('writes TANGGAL LAHIR as DD-MM-YYYY, the NIK choosing between day-first and month-first', () => {
    // NIK: a man born 1 March 1995.
    expect(resolveBirthDate(outcome({ nik: '3275100103950002', tanggal_lahir: '03/01/1995' }))).toBe('01-03-1995');
    expect(resolveBirthDate(outcome({ nik: '3275100103950002', tanggal_lahir: '01/03/95' }))).toBe('01-03-1995');
    expect(resolveBirthDate(outcome({ nik: '3275100103950002', tanggal_lahir: '1 MARET 1995' }))).toBe('01-03-1995');
    expect(resolveBirthDate(outcome({ nik: '3275100103950002', tanggal_lahir: 'TIDAK TAHU' }))).toBe('TIDAK TAHU');
  });

  it('writes JK as L or P, and the phone as 08...', () => {
    expect(submissionValue(outcome({ jenis_kelamin: 'Perempuan' }), 'jenis_kelamin')).toBe('P');
    expect(submissionValue(outcome({ no_hp: '+62 812-3456-7801' }), 'no_hp')).toBe('081234567801');
    expect(submissionValue(outcome({ nik: "'9171 0155 0590 0001" }), 'nik')).toBe('9171015505900001');
  });
});

describe('place names in submission.csv and audit.csv', () => {
  const typed = { kecamatan: 'KEC. PONDOK GEDE', kelurahan: 'JATIBENING' };
  const outcome = (over: Partial<RowOutcome>) =>
    ({ sourceFile: 'kec-a.csv', sourceLine: 5, findings: [], disposition: 'accepted', duplicateOf: '', row: row({ ...BASE, ...typed }), place: null, ...over }) as RowOutcome;
  const known = { place: { kecamatan: 'PONDOKGEDE', kelurahan: 'JATIBENING' } };

  it('writes the official names where the place is known, the cells as typed where not', () => {
    expect(submissionValue(outcome(known), 'kecamatan')).toBe('PONDOKGEDE');
    expect(submissionValue(outcome(known), 'kelurahan')).toBe('JATIBENING');
    expect(submissionValue(outcome({}), 'kecamatan')).toBe('KEC. PONDOK GEDE');
  });

  it('keeps in audit.csv, after the seven columns, what was typed where the submission writes another name', () => {
    expect(auditHeader(true)).toEqual([...auditHeader(false), 'kecamatan_typed', 'kelurahan_typed']);
    expect(auditRow(outcome(known), true)).toEqual(['kec-a.csv', '5', 'accepted', '', '', '3275084507850001', '', 'KEC. PONDOK GEDE', '']);
    // Without --region the line is the seven columns of before; a row not submitted renames nothing.
    expect(auditRow(outcome(known))).toHaveLength(7);
    expect(auditRow(outcome({ ...known, disposition: 'rejected' }), true).slice(7)).toEqual(['', '']);
    expect(auditRow(outcome({}), true).slice(7)).toEqual(['', '']);
  });

  it('counts a kecamatan under the name the submission writes, whichever spelling came first', () => {
    const counter = new SummaryCounter();
    counter.add(outcome(known));
    counter.add(outcome({ ...known, row: row({ ...BASE, kecamatan: 'Pondokgede' }) }));
    counter.add(outcome({ row: row({ ...BASE, kecamatan: 'Cibubur' }) }));
    expect([...counter.byKecamatan.values()].map((k) => [k.name, k.rows])).toEqual([
      ['PONDOKGEDE', 2],
      ['CIBUBUR', 1],
    ]);
  });
});
