/**
 * What review.html shows, gathered from the outcomes as the write pass hands them over (pure: no
 * file, no clock). One item per row held as a probable duplicate (beside the row it points at),
 * one per NIK carried by different people (every row of it), and the pairs an analyst already
 * decided (--decisions) as decided items, so a saved file carries every decision forward.
 *
 * Memory stays bounded at any scale: at most MAX_REVIEW_ITEMS items are kept with their rows; the
 * rest are counted and the page says how many are only in review.csv.
 */
import type { DecisionEntry } from '../io/read-decisions.js';
import type { RowOutcome } from '../outcome/row-outcome.js';
import type { ReviewItem, ReviewPageModel, ReviewRowView } from './review-page.js';

/** Items a page holds: a kota's review list fits (about 3,000 at 100,000 rows), and 5,000 stay responsive in the browser test. */
export const MAX_REVIEW_ITEMS = 5_000;

/** The fields shown side by side, as the page labels them, and where each value comes from. */
const FIELDS: readonly [label: string, value: (o: RowOutcome) => string][] = [
  ['NIK', (o) => (o.row.nik?.wellFormed ? o.row.nik.digits : o.row.values.nik)],
  ['NAMA', (o) => o.row.values.nama],
  ['TANGGAL_LAHIR', (o) => o.row.values.tanggal_lahir],
  ['JENIS_KELAMIN', (o) => o.row.values.jenis_kelamin],
  ['NO_HP', (o) => (o.row.phone?.valid ? o.row.phone.normalized : o.row.values.no_hp)],
  ['ALAMAT', (o) => [o.row.values.alamat, o.row.values.rt && `RT ${o.row.values.rt}`, o.row.values.rw && `RW ${o.row.values.rw}`].filter(Boolean).join(' ')],
  ['KELURAHAN', (o) => o.row.values.kelurahan],
  ['KECAMATAN', (o) => o.row.values.kecamatan],
  ['NO_KK', (o) => o.row.values.no_kk],
  ['BIDANG_USAHA', (o) => o.row.values.bidang_usaha],
];

/**
 * A copy of its own: a cell's text is often a slice of the whole chunk read from the file, and a
 * slice kept keeps its chunk (20,000 kept rows held about 90 MB of input text at 1M rows).
 */
function own(s: string): string {
  return s === '' ? '' : Buffer.from(s, 'utf8').toString('utf8');
}

function viewOf(o: RowOutcome): ReviewRowView {
  const values: Record<string, string> = {};
  for (const [label, value] of FIELDS) values[label] = own(value(o));
  return { ref: `${o.sourceFile}:${o.sourceLine}`, values };
}

interface PendingPair {
  readonly held: ReviewRowView;
  readonly code: 'POSSIBLE_DUPLICATE';
  readonly kecamatan: string;
  readonly score: string;
  readonly evidence: string;
  readonly evidenceKinds: ReviewItem['evidenceKinds'];
  readonly nik: string;
  readonly matchNik: string;
  /** The row it points at: by place (a probable duplicate) or by NIK (an analyst's SAMA). */
  readonly otherRef: string;
  readonly otherNik: string | null;
  readonly decision?: 'SAMA';
}

export interface ReviewPageMeta {
  readonly manifestId: string;
  readonly generatedAt: string;
  readonly inputs: readonly string[];
}

export class ReviewPageCollector {
  private readonly pairs: PendingPair[] = [];
  private readonly conflicts = new Map<string, { views: ReviewRowView[]; kecamatan: string; score: string }>();
  private readonly partners = new Map<string, ReviewRowView>();
  /** The first row of each NIK an earlier decision names, in input order. */
  private readonly byNik = new Map<string, { view: ReviewRowView; at: number }>();
  private readonly decidedNiks = new Set<string>();
  private seen = 0;
  private omitted = 0;

  constructor(private readonly decisions: ReadonlyMap<string, DecisionEntry>) {
    for (const key of decisions.keys()) for (const nik of key.split('|')) this.decidedNiks.add(nik);
  }

  private get full(): boolean {
    return this.pairs.length + this.conflicts.size >= MAX_REVIEW_ITEMS;
  }

  add(o: RowOutcome): void {
    const at = this.seen++;
    // Nearly every row: no finding, nobody's partner, no decision asked about it.
    if (o.findings.length === 0 && !o.matchPartner && this.decidedNiks.size === 0) return;
    const nik = o.row.nik?.wellFormed ? own(o.row.nik.digits) : '';
    if (o.matchPartner) this.partners.set(`${o.sourceFile}:${o.sourceLine}`, viewOf(o));
    if (nik !== '' && this.decidedNiks.has(nik) && !this.byNik.has(nik)) this.byNik.set(nik, { view: viewOf(o), at });
    const has = (code: RowOutcome['findings'][number]['code']) => o.findings.some((f) => f.code === code);
    if (o.disposition === 'review' && has('NIK_CONFLICT')) {
      const group = this.conflicts.get(nik);
      if (group) group.views.push(viewOf(o));
      else if (this.full) this.omitted++;
      else this.conflicts.set(nik, { views: [viewOf(o)], kecamatan: own(o.row.values.kecamatan), score: o.matchScore });
      return;
    }
    const possible = o.disposition === 'review' && has('POSSIBLE_DUPLICATE');
    const confirmed = o.findings.find((f) => f.code === 'DUPLICATE_CONFIRMED');
    if (!possible && !confirmed) return;
    if (this.full) {
      this.omitted++;
      return;
    }
    const base = { held: viewOf(o), code: 'POSSIBLE_DUPLICATE' as const, kecamatan: own(o.row.values.kecamatan), nik };
    if (possible) {
      const why = o.findings.find((f) => f.code === 'POSSIBLE_DUPLICATE')?.params.why;
      this.pairs.push({
        ...base,
        score: o.matchScore,
        evidence: String(why ?? ''),
        evidenceKinds: o.matchEvidence,
        matchNik: o.matchNik,
        otherRef: o.matchWith,
        otherNik: null,
      });
    } else if (confirmed) {
      const otherNik = String(confirmed.params.otherNik ?? '');
      this.pairs.push({ ...base, score: '', evidence: '', evidenceKinds: [], matchNik: otherNik, otherRef: String(confirmed.params.other ?? ''), otherNik, decision: 'SAMA' });
    }
  }

  /** The page's model, once every row has been added. */
  model(meta: ReviewPageMeta): ReviewPageModel {
    const items: ReviewItem[] = [];
    const ids = new Set<string>();
    for (const p of this.pairs) {
      const other = (p.otherNik !== null ? this.byNik.get(p.otherNik)?.view : undefined) ?? this.partners.get(p.otherRef) ?? { ref: p.otherRef, values: {} };
      const { otherRef: _ref, otherNik: _nik, ...item } = p;
      items.push({ ...item, id: p.held.ref, others: [other] });
      ids.add(p.held.ref);
    }
    for (const [nik, g] of this.conflicts) {
      const [held, ...others] = g.views as [ReviewRowView, ...ReviewRowView[]];
      ids.add(held.ref);
      items.push({ id: held.ref, code: 'NIK_CONFLICT', kecamatan: g.kecamatan, score: g.score, evidence: '', held, others, nik, matchNik: nik });
    }
    // A pair an analyst said is two people (BEDA) is never proposed again: shown as decided.
    for (const [key, entry] of this.decisions) {
      if (entry.decision !== 'BEDA' || items.length >= MAX_REVIEW_ITEMS) continue;
      const [a, b] = key.split('|') as [string, string];
      const ra = this.byNik.get(a);
      const rb = this.byNik.get(b);
      if (!ra || !rb) continue;
      const [earlier, later, laterNik, earlierNik] = ra.at < rb.at ? [ra, rb, b, a] : [rb, ra, a, b];
      if (ids.has(later.view.ref)) continue;
      ids.add(later.view.ref);
      items.push({
        id: later.view.ref,
        code: 'POSSIBLE_DUPLICATE',
        kecamatan: later.view.values.KECAMATAN ?? '',
        score: '',
        evidence: '',
        held: later.view,
        others: [earlier.view],
        nik: laterNik,
        matchNik: earlierNik,
        decision: 'BEDA',
      });
    }
    return { ...meta, fields: FIELDS.map(([label]) => label), items, omitted: this.omitted };
  }
}
