import { describe, expect, it } from 'vitest';
import { alreadyReceived } from '../../../src/rules/already-received.js';
import { BASE, ctx, row } from '../../helpers/rows.js';

const lists = ctx({
  received: new Map([['3275084507850001', 'bpum-2020.csv']]),
  excluded: new Map([['3275084507850001', 'asn.csv']]),
});

describe('already-received', () => {
  it('reports a NIK on a --received list, written any way, naming the list', () => {
    expect(alreadyReceived.check(row({ ...BASE, nik: "'3275 0845 0785 0001" }), lists)).toEqual([
      { code: 'ALREADY_RECEIVED', field: 'nik', params: { list: 'bpum-2020.csv' } },
    ]);
  });

  it('says nothing for other NIKs', () => {
    expect(alreadyReceived.check(row({ ...BASE, nik: '3275084507850002' }), lists)).toEqual([]);
  });
});
