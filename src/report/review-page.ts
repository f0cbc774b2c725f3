/**
 * review.html: the rows a person must decide on, on one self-contained page (no network: inline
 * style and script, no fonts, no images, a Content-Security-Policy that allows nothing else), so
 * an analyst can judge each held row beside the row it matches and hand the decisions straight to
 * the next run (`--decisions`). Pure: model in, HTML out; the pipeline builds the model.
 *
 * Safety: all run data travels in one <script type="application/json"> block with `<`, `>`, `&`
 * (and U+2028/U+2029) written as \u escapes, so no value can end the block or open markup; the
 * script puts values on the page with textContent only. The script and style are allowed by their
 * SHA-256 in the page's CSP, so nothing else can run even if markup got in.
 *
 * The behaviour of the page is described in ./review-page-client.ts.
 */
import { createHash } from 'node:crypto';
import type { Lang } from '../i18n/messages.js';
import { REVIEW_PAGE_TEXTS } from '../i18n/review-page.js';
import type { Evidence } from '../match/compare.js';
import { REVIEW_PAGE_SCRIPT, REVIEW_PAGE_STYLE } from './review-page-client.js';

/** One row as the page shows it. */
export interface ReviewRowView {
  /** `file:line` of the row, as in review.csv's match_with: the line the analyst finds in the spreadsheet. */
  readonly ref: string;
  /** The row's values by field label (the keys are ReviewPageModel.fields); a missing key shows as empty. */
  readonly values: Readonly<Record<string, string>>;
}

export type ReviewCode = 'POSSIBLE_DUPLICATE' | 'NIK_CONFLICT';
export type ReviewDecision = 'SAMA' | 'BEDA';

/** One thing to decide: a held row and the row(s) it is held against. */
export interface ReviewItem {
  /**
   * Unique within the page and stable for the run (the held row's `file:line` will do): the key of
   * this item's decision in the browser's storage.
   */
  readonly id: string;
  readonly code: ReviewCode;
  /** The held row's kecamatan as written: the kecamatan filter. */
  readonly kecamatan: string;
  /** As review.csv's match_score, already formatted ("0.97"). */
  readonly score: string;
  /**
   * Why the rows were put together, in the page's language (explainMatch for a pair). For a
   * NIK_CONFLICT group it may be empty: the page then says that the NIK is used by n rows.
   */
  readonly evidence: string;
  /** The evidence's kinds, for the evidence filter (labels in src/i18n/review-page.ts); optional. */
  readonly evidenceKinds?: readonly Evidence['kind'][];
  /** The held row (for a pair, the later row, the one review.csv holds). */
  readonly held: ReviewRowView;
  /**
   * For POSSIBLE_DUPLICATE the one row it matches (often an accepted row that is not in
   * review.csv); for NIK_CONFLICT every other row under the same NIK.
   */
  readonly others: readonly ReviewRowView[];
  /** The held row's NIK, 16 digits: with matchNik, the key of the decision for --decisions. */
  readonly nik: string;
  /** The other row's NIK (review.csv's match_nik); for NIK_CONFLICT the same as nik. */
  readonly matchNik: string;
  /** An earlier decision on this NIK pair passed to the run (--decisions): shown as decided. */
  readonly decision?: ReviewDecision;
}

export interface ReviewPageModel {
  /** Identifies the run (e.g. a hash of summary.json's manifest): decisions are stored per run. */
  readonly manifestId: string;
  /** When the run wrote the page, as it should be shown (e.g. summary.json's started_at). */
  readonly generatedAt: string;
  /** Input file names, in the order given. */
  readonly inputs: readonly string[];
  /** Field labels in the order shown, e.g. NIK, NAMA, ALAMAT, NO_HP, TANGGAL_LAHIR, KELURAHAN, KECAMATAN, BIDANG_USAHA. */
  readonly fields: readonly string[];
  readonly items: readonly ReviewItem[];
  /** Items left out of a page that holds its maximum: they are in review.csv only. */
  readonly omitted?: number;
}

/**
 * Columns of the decisions file the page saves. readDecisions (src/io/read-decisions.ts) finds
 * the header by its NIK column and reads NIK, match_nik and decision (SAMA / BEDA); the others
 * are there for a person reading the file (they mirror review.csv's).
 */
export const REVIEW_DECISIONS_HEADER = [
  'source_file',
  'source_line',
  'reason_codes',
  'match_with',
  'match_score',
  'match_nik',
  'decision',
  'NIK',
  'NAMA',
] as const;

const JSON_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON that can sit inside a <script> element: `<`, `>`, `&`, U+2028 and U+2029 as \u escapes
 * (they occur only inside JSON strings, where the escape means the same character), so the text
 * holds no `</script`, no `<!--` and nothing an HTML parser reads as markup.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const sha256 = (s: string) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

export function renderReviewPage(model: ReviewPageModel, lang: Lang): string {
  const t = REVIEW_PAGE_TEXTS[lang];
  const seen = new Set<string>();
  for (const item of model.items) {
    if (seen.has(item.id)) throw new Error(`review page: item id ${item.id} appears twice`);
    seen.add(item.id);
  }
  const data = embedJson({ lang, texts: t, decisionsHeader: REVIEW_DECISIONS_HEADER, model });
  const csp = `default-src 'none'; style-src ${sha256(REVIEW_PAGE_STYLE)}; script-src ${sha256(REVIEW_PAGE_SCRIPT)}; base-uri 'none'; form-action 'none'`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(t.title)}</title>
<style>${REVIEW_PAGE_STYLE}</style>
</head>
<body>
<div class="top">
<h1>${escapeText(t.title)}</h1>
<div class="meta" id="meta" data-testid="meta"></div>
</div>
<div class="bar"><div class="bar-in">
<div class="progress"><div class="meter"><span></span></div><b id="progress" data-testid="progress"></b><span class="counts" id="counts" data-testid="counts"></span></div>
<div class="filters">
<label>${escapeText(t.filterKecamatan)} <select id="f-kec" data-testid="filter-kecamatan"></select></label>
<label>${escapeText(t.filterEvidence)} <select id="f-evidence" data-testid="filter-evidence"></select></label>
<label>${escapeText(t.filterStatus)} <select id="f-status" data-testid="filter-status"></select></label>
<button type="button" class="save" id="save" data-testid="save">${escapeText(t.save)}</button>
</div>
<div class="status" id="status" role="status" data-testid="status"></div>
</div>
</div>
<noscript><p class="none">${escapeText(t.noScript)}</p></noscript>
<main id="list" data-testid="list"><p class="none">${escapeText(t.loading)}</p></main>
<nav class="pager"><button type="button" id="prev" data-testid="prev">${escapeText(t.prevPage)}</button><span id="page" data-testid="page"></span><button type="button" id="next" data-testid="next">${escapeText(t.nextPage)}</button></nav>
<p class="keys">${escapeText(t.keys)}</p>
<script type="application/json" id="review-data">${data}</script>
<script>${REVIEW_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
