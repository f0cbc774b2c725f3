/**
 * review.html as text: the embedded data survives any value (the browser test checks what the page
 * does with it), nothing on the page can reach the network, and the texts follow --lang.
 */
import { createHash } from 'node:crypto';
import { Script } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVIEW_PAGE_TEXTS } from '../../src/i18n/review-page.js';
import { embedJson, type ReviewItem, type ReviewPageModel, renderReviewPage } from '../../src/report/review-page.js';
import { REVIEW_PAGE_SCRIPT, REVIEW_PAGE_STYLE } from '../../src/report/review-page-client.js';
import { syntheticReviewModel } from '../helpers/review-model.js';

const DATA_OPEN = '<script type="application/json" id="review-data">';

/**
 * The data block as an HTML parser reads it: script data runs from the start tag to the first
 * `</script` in any case (a `<!--` before it would change that, so there must be no `<` at all).
 */
function dataBlock(html: string): string {
  const start = html.indexOf(DATA_OPEN);
  expect(start).toBeGreaterThan(0);
  const from = start + DATA_OPEN.length;
  // Not html.toLowerCase(): it changes lengths ('İ' lowers to two code units), so its indexes miss.
  const end = from + html.slice(from).search(/<\/script/i);
  return html.slice(from, end);
}

function embedded(html: string): { lang: string; texts: unknown; decisionsHeader: string[]; model: ReviewPageModel } {
  const text = dataBlock(html);
  expect(text).not.toMatch(/[<>&\u2028\u2029]/);
  return JSON.parse(text);
}

/** Text with everything that has broken out of a script element or a JSON string somewhere. */
const HOSTILE = [
  '</script>',
  '</SCRIPT >',
  '</script/',
  '<!--',
  '-->',
  '<script>',
  '<![CDATA[',
  ']]>',
  '\u2028',
  '\u2029',
  '&lt;',
  '&',
  '<',
  '>',
  '"',
  "'",
  '\\',
  '\u0000',
  '\r\n',
  '\ud800',
  '\udfff',
  '\ufeff',
  '$' + '{x}',
  '=HYPERLINK("x")',
];
const text = fc.string({ unit: fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 12 });
const rowView = (fields: string[]) =>
  fc.record({ ref: text, values: fc.tuple(...fields.map(() => text)).map((vs) => Object.fromEntries(fields.map((f, i) => [f, vs[i] as string]))) });

const modelArb: fc.Arbitrary<ReviewPageModel> = fc
  .uniqueArray(text.filter((f) => f !== '__proto__'), { minLength: 1, maxLength: 4 })
  .chain((fields) =>
    fc.record({
      manifestId: text,
      generatedAt: text,
      inputs: fc.array(text, { maxLength: 3 }),
      fields: fc.constant(fields),
      items: fc.uniqueArray(
        fc.record(
          {
            id: text,
            code: fc.constantFrom('POSSIBLE_DUPLICATE' as const, 'NIK_CONFLICT' as const),
            kecamatan: text,
            score: text,
            evidence: text,
            held: rowView(fields),
            others: fc.array(rowView(fields), { minLength: 1, maxLength: 3 }),
            nik: text,
            matchNik: text,
            decision: fc.constantFrom('SAMA' as const, 'BEDA' as const),
          },
          { requiredKeys: ['id', 'code', 'kecamatan', 'score', 'evidence', 'held', 'others', 'nik', 'matchNik'] },
        ),
        { selector: (item) => item.id, maxLength: 4 },
      ),
    }),
  );

describe('review page data', () => {
  it('round-trips any text through the embedded JSON', () => {
    fc.assert(
      fc.property(modelArb, fc.constantFrom('id' as const, 'en' as const), (model, lang) => {
        const html = renderReviewPage(model, lang);
        const data = embedded(html);
        expect(data.model).toEqual(model);
        expect(data.lang).toBe(lang);
        // Exactly the page's own two scripts: no value opened a third.
        expect(html.match(/<script\b/gi)).toHaveLength(2);
      }),
      { numRuns: 300 },
    );
  });

  it('escapes each hazard as a JSON \\u escape that parses back to itself', () => {
    for (const s of HOSTILE) {
      const json = embedJson({ s });
      expect(json).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(json)).toEqual({ s });
    }
    expect(embedJson('</script><!--&\u2028')).toBe('"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028"');
  });

  it('refuses two items with one id (their decisions would share a storage key)', () => {
    const model = syntheticReviewModel({ pairs: 2 });
    const [first, second] = model.items as [ReviewItem, ReviewItem];
    const twice = { ...model, items: [first, { ...second, id: first.id }] };
    expect(() => renderReviewPage(twice, 'id')).toThrow(/appears twice/);
  });
});

describe('review page without network', () => {
  const html = renderReviewPage(syntheticReviewModel({ pairs: 5, conflicts: 2 }), 'id');
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>').replace(/<style>[\s\S]*?<\/style>/, '<style></style>');

  it('names no http(s) URL and loads no resource', () => {
    expect(html).not.toMatch(/https?:|\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(markup).not.toMatch(/\b(?:src|href|srcset|action|poster|data)\s*=/i);
    expect(markup).not.toMatch(/<(?:link|img|iframe|object|embed|video|audio|source|base|form)\b/i);
    expect(REVIEW_PAGE_STYLE).not.toMatch(/url\(|@import|@font-face/i);
    expect(REVIEW_PAGE_SCRIPT).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|import\(|new Worker|\.src\s*=|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it('allows by its CSP only its own style and script, by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const hash = (s: string) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] as string;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] as string;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(csp).not.toMatch(/unsafe|\*|https?:|data:/);
  });

  it('carries a script that parses', () => {
    expect(() => new Script(REVIEW_PAGE_SCRIPT)).not.toThrow();
  });
});

describe('review page texts', () => {
  const model = syntheticReviewModel({ pairs: 2, conflicts: 1 });

  it('are Indonesian by default and English with lang en', () => {
    const id = renderReviewPage(model, 'id');
    const en = renderReviewPage(model, 'en');
    expect(id).toContain('<html lang="id">');
    expect(id).toContain('<title>Pemeriksaan data ganda</title>');
    expect(id).toContain('Simpan keputusan (CSV)');
    expect(id).not.toContain('Save decisions');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Save decisions (CSV)');
    expect(en).not.toContain('Simpan keputusan');
    expect(embedded(id).texts).toEqual(REVIEW_PAGE_TEXTS.id);
    expect(embedded(en).texts).toEqual(REVIEW_PAGE_TEXTS.en);
  });

  it('fill the same placeholders in both languages', () => {
    const placeholders = (s: unknown): string[] => (typeof s === 'string' ? [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort() : []);
    for (const key of Object.keys(REVIEW_PAGE_TEXTS.id) as (keyof typeof REVIEW_PAGE_TEXTS.id)[]) {
      expect(placeholders(REVIEW_PAGE_TEXTS.en[key]), key).toEqual(placeholders(REVIEW_PAGE_TEXTS.id[key]));
    }
  });
});
