import { NONE, type Rule } from './types.js';

/** BPUM is paid once: a NIK on a --received list is out. */
export const alreadyReceived: Rule = {
  name: 'already-received',
  codes: ['ALREADY_RECEIVED'],
  check(row, ctx) {
    if (!row.nik?.wellFormed) return NONE;
    const list = ctx.received.get(row.nik.digits);
    return list === undefined ? NONE : [{ code: 'ALREADY_RECEIVED', field: 'nik', params: { list } }];
  },
};
