import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/i18n/messages.js';
import { DEFAULT_CONFIG, parseConfig } from '../../src/config/parse-config.js';

describe('parseConfig', () => {
  it('gives the defaults for an empty file', () => {
    expect(parseConfig(null)).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });

  it('reads aliases, required, severities and template', () => {
    const { config, problems } = parseConfig({
      aliases: { nik: ['NIK PEMILIK'] },
      required: ['nik', 'nama', 'no_kk'],
      severities: { PHONE_INVALID: 'warn', NIK_OUTSIDE_REGION: 'off' },
      template: ['nik', { column: 'NAMA_LENGKAP', field: 'nama' }],
    });
    expect(problems).toEqual([]);
    expect(config).toEqual({
      aliases: { nik: ['NIK PEMILIK'] },
      required: ['nik', 'nama', 'no_kk'],
      severities: { PHONE_INVALID: 'warn', NIK_OUTSIDE_REGION: 'off' },
      template: [
        { column: 'NIK', field: 'nik' },
        { column: 'NAMA_LENGKAP', field: 'nama' },
      ],
    });
  });

  it('reads csv (plain or excel), and leaves it out of the resolved config when absent', () => {
    expect(parseConfig({ csv: 'excel' })).toMatchObject({ config: { csv: 'excel' }, problems: [] });
    expect(parseConfig({ csv: 'plain' }).config.csv).toBe('plain');
    expect('csv' in parseConfig({ required: ['nik'] }).config).toBe(false);
    expect(parseConfig({ csv: 'xlsx' }).problems).toEqual([{ key: 'configProblem.csvValue', params: { value: 'xlsx', known: 'plain, excel' } }]);
    expect(parseConfig({ csv: true }).problems.map((p) => p.key)).toEqual(['configProblem.csvValue']);
  });

  it('returns every problem at once', () => {
    const { problems } = parseConfig({
      alias: {},
      required: ['nama', 'umur'],
      severities: { PHONE_INVALID: 'loud', DUPLICATE_NIK: 'off', NOPE: 'warn' },
      template: [{ column: 'X' }],
    });
    const say = (lang: 'id' | 'en') => problems.map((p) => formatMessage(lang, p.key, p.params));
    expect(say('en')).toEqual([
      'unknown key "alias" (known: aliases, required, severities, template, csv)',
      expect.stringContaining('required: "umur" is no field'),
      'required: must include nik (duplicates are found by NIK)',
      'severities.PHONE_INVALID: "loud" must be reject, warn or off',
      'severities.DUPLICATE_NIK: decided across rows, cannot be changed',
      expect.stringContaining('severities.NOPE: unknown reason code'),
      expect.stringContaining('template[0]: must be a field'),
      'template: must include nik',
    ]);
    expect(say('id')[2]).toBe('required: harus memuat nik (data ganda dicari lewat NIK)');
  });
});
