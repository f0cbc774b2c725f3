/** Facts and context for the cross-row rules: a row with NIK 3275010101900001 at kec-a.csv. */
import type { CrossRowContext, CrossRowFacts } from '../../src/outcome/cross-row/types.js';

const NAMES = ['kec-a.csv', 'kec-b.csv'];

export const CTX: CrossRowContext = { lang: 'id', refText: (ref) => `${NAMES[ref.file]}:${ref.line}` };
export const CTX_EN: CrossRowContext = { ...CTX, lang: 'en' };

export function facts(over: Partial<CrossRowFacts> = {}): CrossRowFacts {
  return { nik: '3275010101900001', verdict: { kind: 'single' }, confirmed: null, possible: null, ...over };
}

export const POSSIBLE = {
  other: { file: 1, line: 7 },
  otherNik: '3275010101900002',
  score: 4,
  evidence: [{ kind: 'idOneDigit', position: 16 }, { kind: 'nameSame' }, { kind: 'birthSame' }] as const,
};
