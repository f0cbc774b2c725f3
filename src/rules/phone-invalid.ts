import { NONE, type Rule } from './types.js';

/** A phone cell that holds no Indonesian mobile number (08[1-9], 10-13 digits) once normalised. */
export const phoneInvalid: Rule = {
  name: 'phone-invalid',
  codes: ['PHONE_INVALID'],
  check(row) {
    if (!row.phone || row.phone.valid) return NONE;
    return [{ code: 'PHONE_INVALID', field: 'no_hp', params: { value: row.phone.raw } }];
  },
};
