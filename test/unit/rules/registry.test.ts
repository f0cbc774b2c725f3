import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateRow, RULES } from '../../../src/rules/index.js';
import { ROOT } from '../../helpers/paths.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

describe('rule registry', () => {
  it('has one file per rule, named after it, and a test file for each', () => {
    const files = readdirSync(join(ROOT, 'src', 'rules')).filter((f) => !['index.ts', 'types.ts', 'codes.ts'].includes(f));
    expect(RULES.map((r) => `${r.name}.ts`).sort()).toEqual(files.sort());
    const tests = readdirSync(join(ROOT, 'test', 'unit', 'rules')).join(' ');
    for (const r of RULES) {
      expect(tests.includes(`${r.name}.test.ts`), r.name).toBe(true);
    }
  });

  it('rates findings with default severities and honours config overrides', () => {
    const r = row({ ...BASE, no_hp: '021-555', alamat: '' });
    expect(evaluateRow(r, ctx(), {}).map((f) => [f.code, f.severity])).toEqual([
      ['MISSING_ALAMAT', 'reject'],
      ['PHONE_INVALID', 'reject'],
    ]);
    expect(evaluateRow(r, ctx(), { PHONE_INVALID: 'warn', MISSING_ALAMAT: 'off' }).map((f) => [f.code, f.severity])).toEqual([
      ['PHONE_INVALID', 'warn'],
    ]);
  });
});
