import { describe, expect, it } from 'vitest';
import { compareIds, NIK_PROFILE, nameSimilarity, scoreToProbability } from '../../src/match/compare.js';
import { priorWeights, scorePair as scoreUnder } from '../../src/match/weights.js';
import { findPossibleDuplicates } from '../../src/engine/fuzzy-matcher.js';
import { pairKey } from '../../src/match/pair-key.js';
import { candidatePairs, unpackPair } from '../../src/engine/candidates.js';
import { keyFamilies, MatchKeyStore, maskedId } from '../../src/engine/match-keys.js';
import type { MatchRecord } from '../../src/match/match-record.js';
import { addressSimilarity, addressTokens } from '../../src/normalize/address.js';
import { nameTokens } from '../../src/normalize/name.js';
import { explainMatch } from '../../src/i18n/evidence.js';

/** Our priors for a batch of 100,000 rows. */
const WEIGHTS = priorWeights(100_000, NIK_PROFILE);
const scorePair = (a: MatchRecord, b: MatchRecord, profile = NIK_PROFILE) => scoreUnder(a, b, profile, WEIGHTS);

let line = 1;
function rec(over: Partial<Omit<MatchRecord, 'name' | 'address'>> & { name?: string; address?: string } = {}): MatchRecord {
  const { name = 'SITI AMINAH', address = 'JL. MERPATI NO. 5 RT 002/RW 003', ...rest } = over;
  return {
    ref: { file: 0, line: ++line },
    id: '3275084507850001',
    kk: '',
    name: nameTokens(name),
    display: name,
    birth: { day: 5, month: 7, year: 1985 },
    phone: '081234567801',
    address: addressTokens(address),
    area: 'JATIWARINGIN',
    valid: true,
    ...rest,
  };
}

describe('addresses', () => {
  it('fold street words, RT/RW and house numbers', () => {
    expect(addressTokens('Jl. Merpati No. 5 RT 002/RW 003')).toEqual(['JL', 'MERPATI', '5', 'RT2', 'RW3']);
    expect(addressTokens('JALAN MERPATI 5 RT.2 RW.03')).toEqual(['JL', 'MERPATI', '5', 'RT2', 'RW3']);
    expect(addressSimilarity(addressTokens('KP. DUKUH RT 01/04'), addressTokens('KAMPUNG DUKUH RT 1 RW 4'))).toBe(1);
  });
});

describe('compareIds', () => {
  const a = rec();
  it('finds one digit off, an adjacent swap, two digits off and a KK in the NIK column', () => {
    expect(compareIds(a, rec({ id: '3275084507850002' }))).toEqual({ kind: 'idOneDigit', position: 16 });
    expect(compareIds(a, rec({ id: '3275084507850010' }))).toEqual({ kind: 'idSwap', position: 15 });
    expect(compareIds(a, rec({ id: '3275084507850092' }))).toEqual({ kind: 'idTwoDigits', positions: [15, 16] });
    expect(compareIds(rec({ kk: '3275080101100001' }), rec({ id: '3275080101100001' }))).toEqual({ kind: 'idIsKk' });
    expect(compareIds(a, rec({ id: '3171084507851234' }))).toEqual({ kind: 'idFar' });
  });

  it('finds two typing errors: a swap and a wrong digit elsewhere, or two swaps', () => {
    expect(compareIds(a, rec({ id: '3275085407850002' }))).toEqual({ kind: 'idTwoErrors', positions: [7, 16] });
    expect(compareIds(a, rec({ id: '2375084507850010' }))).toEqual({ kind: 'idTwoErrors', positions: [1, 15] });
    // Three wrong digits with no swap among them are no typing error we explain.
    expect(compareIds(a, rec({ id: '3275084507859991' }))).toEqual({ kind: 'idFar' });
  });

  it('reads a NIK whose date is not the stated birth date, in the same regency, as a KK', () => {
    // Issued 11 Nov 2011: a family card's date, not this person's birth (5 July 1985).
    const kk = rec({ id: '3275081111110001' });
    expect(compareIds(a, kk)).toEqual({ kind: 'idKkLike' });
    expect(compareIds(kk, a)).toEqual({ kind: 'idKkLike' });
    // Another regency: unrelated.
    expect(compareIds(a, rec({ id: '3171081111110001' }))).toEqual({ kind: 'idFar' });
    // Not when neither NIK holds its row's birth date, nor without the NIK profile's dates.
    expect(compareIds(rec({ id: '3275081212120005' }), kk)).toEqual({ kind: 'idFar' });
    expect(compareIds(a, kk, false)).toEqual({ kind: 'idFar' });
  });
});

describe('nameSimilarity', () => {
  it('is 1 for the same name with titles, high for a typo, low for another person', () => {
    expect(nameSimilarity(nameTokens('HJ. SITI AMINAH, S.PD'), nameTokens('Siti Aminah'))).toBe(1);
    expect(nameSimilarity(nameTokens('SITI AMINAH'), nameTokens('SITI AMNAH'))).toBeGreaterThanOrEqual(0.9);
    expect(nameSimilarity(nameTokens('SITI AMINAH'), nameTokens('BUDI SANTOSO'))).toBeLessThan(0.6);
  });
});

describe('scorePair with the NIK profile', () => {
  it('matches a swapped NIK with the same name, phone and address, and explains why', () => {
    const r = scorePair(rec(), rec({ id: '3275084507850010' }), NIK_PROFILE);
    expect(r.match).toBe(true);
    expect(explainMatch('id', r.evidence)).toBe(
      'dua digit NIK tertukar (posisi 15-16); nama sama setelah gelar dibuang; tanggal lahir sama; no HP sama; alamat sama; kelurahan sama',
    );
    expect(scoreToProbability(r.score)).toBeGreaterThan(0.99);
  });

  it('proposes a KK typed as the NIK when name, stated birth date and phone agree, and says so', () => {
    const r = scorePair(rec(), rec({ id: '3275081111110001', address: 'KP. DUKUH', area: 'JATIBENING' }));
    expect(r.match).toBe(true);
    expect(explainMatch('id', r.evidence)).toBe(
      'salah satu NIK tampak seperti No. KK (tanggalnya bukan tanggal lahir orang itu); nama sama setelah gelar dibuang; tanggal lahir sama; no HP sama',
    );
  });

  it('proposes unrelated NIKs only on strong identity: same folded name, birth date and a place', () => {
    const other = { id: '3171084507851234', address: 'KP. DUKUH', area: 'JATIBENING' };
    const r = scorePair(rec(), rec({ ...other, name: 'Hj. Siti Aminah' }));
    expect(r.match).toBe(true);
    expect(explainMatch('id', r.evidence)).toBe('NIK tidak berkaitan; nama sama setelah gelar dibuang; tanggal lahir sama; no HP sama');
    // A similar name, a Dukcapil default date, or no shared place is not enough.
    expect(scorePair(rec(), rec({ ...other, name: 'SITI AMINA' })).match).toBe(false);
    expect(scorePair(rec({ birth: { day: 31, month: 12, year: 1985 } }), rec({ ...other, birth: { day: 31, month: 12, year: 1985 } })).match).toBe(false);
    expect(scorePair(rec(), rec({ ...other, phone: '081399990000' })).match).toBe(false);
  });

  it('never joins twins: one birth date, address and phone, neighbouring serials, other first names', () => {
    const r = scorePair(rec({ name: 'HASAN BASRI' }), rec({ id: '3275084507850002', name: 'HUSEIN BASRI' }));
    expect(r.match).toBe(false);
    // Names only alike under serials one apart: a twin as likely as a typo; the same name is a typo.
    expect(scorePair(rec({ name: 'RINA WULANDARI' }), rec({ id: '3275084507850002', name: 'RINI WULANDARI' })).match).toBe(false);
    expect(scorePair(rec({ name: 'RINA WULANDARI' }), rec({ id: '3275084507850002', name: 'RINA WULANDARI' })).match).toBe(true);
    // Serials far apart: a typo's.
    expect(scorePair(rec({ name: 'RINA WULANDARI' }), rec({ id: '3275084507850091', name: 'RINI WULANDARI' })).match).toBe(true);
  });

  it('never joins a man and a woman with names only alike: NIKs whose days differ by the 40 added for women', () => {
    const man = rec({ id: '3275080507850001', name: 'SUSANTO SALIM' });
    const woman = rec({ id: '3275084507850002', name: 'SUSAN SALIM' });
    expect(scorePair(man, woman).match).toBe(false);
    // The same name: one of the two mistyped the day's first digit.
    expect(scorePair(man, rec({ id: '3275084507850002', name: 'SUSANTO SALIM' })).match).toBe(true);
  });

  it('never joins household members: same phone, address and KK, another name', () => {
    const r = scorePair(rec({ kk: '3275080101100001' }), rec({ id: '3275084507850002', name: 'BUDI SANTOSO', kk: '3275080101100001' }), NIK_PROFILE);
    expect(r.match).toBe(false);
  });

  it('never joins namesakes with far NIKs in one kelurahan', () => {
    const r = scorePair(rec(), rec({ id: '3275085203900417', birth: { day: 12, month: 3, year: 1990 }, phone: '081399990000', address: 'JL. KENARI 1' }), NIK_PROFILE);
    expect(r.match).toBe(false);
  });

  it('needs more than a near NIK and a name: one of birth, phone or address must agree', () => {
    const r = scorePair(
      rec({ birth: null }),
      rec({ id: '3275084507850002', birth: null, phone: '081399990000', address: 'JL. KENARI 1' }),
      NIK_PROFILE,
    );
    expect(r.match).toBe(false);
  });
});

describe('findPossibleDuplicates', () => {
  it('holds the later row of a pair and points at the earlier', () => {
    const a = rec();
    const b = rec({ id: '3275084507850010', name: 'HJ. SITI AMINAH' });
    const { matches, stats } = findPossibleDuplicates([b, a].reverse(), NIK_PROFILE);
    expect([...matches.values()].map((m) => [m.held.ref, m.other.ref])).toEqual([[b.ref, a.ref]]);
    expect(stats.matches).toBe(1);
  });

  it('holds the invalid one when only one of the two is valid', () => {
    const a = rec({ valid: false });
    const b = rec({ id: '3275084507850010' });
    const { matches } = findPossibleDuplicates([a, b], NIK_PROFILE);
    expect([...matches.values()].map((m) => m.held.ref)).toEqual([a.ref]);
  });

  it('never proposes a pair decided BEDA', () => {
    const a = rec();
    const b = rec({ id: '3275084507850010' });
    const { matches, stats } = findPossibleDuplicates([a, b], NIK_PROFILE, new Set([pairKey(b.id, a.id)]));
    expect(matches.size).toBe(0);
    expect(stats.decidedDifferent).toBe(1);
  });

  it('finds a row without a NIK on strong identity, and holds it', () => {
    const a = rec();
    const none = rec({ id: '', valid: false, name: 'HJ. SITI AMINAH' });
    const { matches } = findPossibleDuplicates([a, none], NIK_PROFILE);
    expect([...matches.values()].map((m) => [m.held.ref, m.other.ref])).toEqual([[none.ref, a.ref]]);
    // Without a stated birth date it has nothing to be found by.
    expect(findPossibleDuplicates([a, rec({ id: '', valid: false, birth: null })], NIK_PROFILE).matches.size).toBe(0);
  });

  it('leaves rows sharing one NIK to the exact groups', () => {
    expect(findPossibleDuplicates([rec(), rec()], NIK_PROFILE).matches.size).toBe(0);
  });

  it('blocks NIKs one digit or one swap apart together without comparing all pairs', () => {
    const bare = { birth: null, phone: '', address: '', area: '' };
    const rows = [
      rec({ id: '3275084507850001', ...bare }),
      rec({ id: '3275084507850002', ...bare }),
      rec({ id: '3275084507850010', ...bare }),
      rec({ id: '3275081111110009', ...bare }),
      rec({ id: '3275084507850003', name: 'BUDI SANTOSO', ...bare }),
    ];
    const store = new MatchKeyStore();
    for (const [i, r] of rows.entries()) store.add(i, r);
    const { pairs } = candidatePairs(rows.length, () => true, keyFamilies(store, NIK_PROFILE.blocking));
    // The far NIK meets nobody, and another name does not meet a neighbouring serial.
    expect([...pairs].map(unpackPair)).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });
});

describe('maskedId', () => {
  it('drops two neighbouring digits and keeps the other 14 exactly', () => {
    const hi = 32750845;
    const lo = 7850001;
    const digits = '3275084507850001';
    for (let i = 0; i < 15; i++) {
      expect(maskedId(hi, lo, i), `i=${i}`).toBe(Number(digits.slice(0, i) + digits.slice(i + 2)));
    }
  });
});
