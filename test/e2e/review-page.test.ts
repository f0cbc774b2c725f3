/// <reference lib="dom" />
// The callbacks given to page.evaluate run in the browser: they need the DOM's types.
/**
 * review.html in a real browser (Debian's chromium, driven by playwright-core): an analyst opens
 * the page from disk, decides pairs by clicking and by keyboard, reloads and finds them kept,
 * filters, and saves a decisions file that the real --decisions reader takes as it is. A 5,000
 * pair page is timed (printed, not asserted). CI installs chromium (.ci/run); elsewhere, without
 * it, the test says so in one line and is skipped.
 *
 * UPDATE_SCREENSHOTS=1 also writes docs/review-page.png for the README.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DecisionEntry, readDecisions } from '../../src/io/read-decisions.js';
import { pairKey } from '../../src/match/pair-key.js';
import { type ReviewItem, type ReviewPageModel, renderReviewPage } from '../../src/report/review-page.js';
import { buildAliasIndex } from '../../src/schema/fields.js';
import { runCli } from '../helpers/cli.js';
import { DEMO, ROOT } from '../helpers/paths.js';
import { syntheticReviewModel } from '../helpers/review-model.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && process.env.CI) throw new Error(`CI must have chromium at ${CHROMIUM}: .ci/run installs it`);
if (!HAVE_CHROMIUM) console.log(`review-page browser test skipped: no chromium at ${CHROMIUM} (apt-get install chromium to run it)`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A name no cell may break out with: markup, a script end, a comment, U+2028, a formula. */
const HOSTILE_NAME = '=HYPERLINK("x"), SITI </script><script>alert(1)</script><!-- \u2028 & <img src=x onerror=alert(2)>';

describe.skipIf(!HAVE_CHROMIUM)('review.html in headless chromium', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'umkm-review-page-'));
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  const write = (name: string, model: ReviewPageModel, lang: 'id' | 'en' = 'id') => {
    const file = join(tmp, name);
    writeFileSync(file, renderReviewPage(model, lang));
    return pathToFileURL(file).href;
  };

  /** A fresh context (its own storage) and a page that records what it asked for and what went wrong. */
  async function open(url: string, context?: BrowserContext) {
    const ctx = context ?? (await browser.newContext({ viewport: { width: 1280, height: 1000 } }));
    const page = await ctx.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('dialog', (d) => {
      // Asking before the tab closes is the page's job when its storage is off; any other dialog is not.
      if (d.type() === 'beforeunload') return void d.accept();
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(url);
    await page.waitForSelector('body[data-ready=true]');
    return { ctx, page, problems, requests };
  }

  const cards = (page: Page) => page.locator('[data-testid=item]');
  const card = (page: Page, id: string) => page.locator(`[data-testid=item][data-id="${id}"]`);
  const decisionOf = (page: Page, id: string) => card(page, id).getAttribute('data-decision');
  const currentId = (page: Page) => page.locator('[data-testid=item].current').getAttribute('data-id');
  const visibleIds = (page: Page) => cards(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.id as string));
  const filter = (page: Page, which: string, value: string) => page.selectOption(`[data-testid=filter-${which}]`, value);

  it('decides by click and keyboard, keeps the decisions across a reload, filters, and saves a file --decisions reads', async () => {
    const base = syntheticReviewModel({ pairs: 24, conflicts: 2, hostile: { NAMA: HOSTILE_NAME } });
    // The sixth pair was decided BEDA in an earlier run: the page shows it decided.
    const items: ReviewItem[] = base.items.map((it, i) => (i === 5 ? { ...it, decision: 'BEDA' } : it));
    const model = { ...base, items };
    const id = (i: number) => (items[i] as ReviewItem).id;
    const { ctx, page, problems, requests } = await open(write('review.html', model));

    expect(await cards(page).count()).toBe(20);
    expect(await page.textContent('[data-testid=progress]')).toBe('1 dari 26 diputuskan');
    expect(await decisionOf(page, id(5))).toBe('BEDA');
    expect(await card(page, id(5)).locator('.badge').textContent()).toBe('BEDA · keputusan sebelumnya');
    // The hostile name is text on the page, exactly as given; nothing it holds ran or became markup.
    const heldName = card(page, id(0)).locator('tbody tr').nth(1).locator('td').first();
    expect(await heldName.textContent()).toBe(HOSTILE_NAME);
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img').count()).toBe(0);
    // The differing characters are marked: the held NIK differs from the other in one digit.
    expect(await card(page, id(0)).locator('tbody tr').first().locator('td').first().locator('mark').count()).toBe(1);

    // By click.
    await card(page, id(0)).locator('button[data-d=SAMA]').click();
    await card(page, id(1)).locator('button[data-d=BEDA]').click();
    expect(await currentId(page)).toBe(id(1));
    // By keyboard: each decision moves on to the next pair.
    await page.keyboard.press('j');
    expect(await currentId(page)).toBe(id(2));
    await page.keyboard.press('s');
    await page.keyboard.press('b');
    await page.keyboard.press('n');
    expect(await currentId(page)).toBe(id(5));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('l');
    await page.keyboard.press('k');
    expect(await decisionOf(page, id(6))).toBe('NANTI');
    await page.keyboard.press('u');
    // The next page, by the pager, and a click there.
    await page.click('[data-testid=next]');
    expect(await page.textContent('[data-testid=page]')).toBe('Halaman 2 dari 2 · Pasangan 21–26 dari 26');
    await card(page, id(20)).locator('button[data-d=BEDA]').click();
    // A NIK_CONFLICT group, found by the evidence filter: one card, every row under the one NIK.
    await filter(page, 'evidence', 'code:NIK_CONFLICT');
    expect(await visibleIds(page)).toEqual([id(24), id(25)]);
    expect(await card(page, id(24)).locator('thead th').count()).toBe(1 + 3);
    await page.keyboard.press('s');

    const expected: Record<number, string> = { 0: 'SAMA', 1: 'BEDA', 2: 'SAMA', 3: 'BEDA', 4: 'NANTI', 5: 'BEDA', 20: 'BEDA', 24: 'SAMA' };
    const expectedOf = (i: number) => expected[i] ?? 'none';
    const decided = Object.values(expected).filter((d) => d !== 'NANTI').length;
    expect(await page.textContent('[data-testid=progress]')).toBe(`${decided} dari 26 diputuskan`);
    expect(await page.textContent('[data-testid=counts]')).toBe('SAMA 3 · BEDA 4 · NANTI 1');

    // Reload: every decision is still there (the filters start over).
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    expect(await page.textContent('[data-testid=progress]')).toBe(`${decided} dari 26 diputuskan`);
    for (const status of ['SAMA', 'BEDA', 'NANTI']) {
      await filter(page, 'status', status);
      const want = items.map((_, i) => i).filter((i) => expectedOf(i) === status).map(id);
      expect(await visibleIds(page), status).toEqual(want);
    }
    await filter(page, 'status', 'undecided');
    expect((await visibleIds(page)).length).toBe(26 - decided);
    for (const shown of await visibleIds(page)) expect(['none', 'NANTI']).toContain(await decisionOf(page, shown));
    await filter(page, 'status', '');
    for (let i = 0; i < 20; i++) expect(await decisionOf(page, id(i)), `#${i + 1}`).toBe(expectedOf(i));

    // The kecamatan filter shows that kecamatan's pairs only.
    const kec = (items[3] as ReviewItem).kecamatan;
    await filter(page, 'kecamatan', `k:${kec}`);
    const inKec = items.filter((it) => it.kecamatan === kec).map((it) => it.id);
    expect(await visibleIds(page)).toEqual(inKec.slice(0, 20));
    await filter(page, 'kecamatan', '');

    // Save: a download the real reader takes as it is, one decision per decided pair of two NIKs.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save]')]);
    const name = download.suggestedFilename();
    expect(name).toMatch(/^keputusan-review-[A-Za-z0-9_-]+\.csv$/);
    const file = join(tmp, name);
    await download.saveAs(file);
    const read = new Map<string, DecisionEntry>();
    const result = await readDecisions(file, name, buildAliasIndex(), 'id', read);
    const want = new Map(
      Object.entries(expected)
        .map(([i, d]) => [items[Number(i)] as ReviewItem, d] as const)
        .filter(([it, d]) => d !== 'NANTI' && it.code === 'POSSIBLE_DUPLICATE')
        .map(([it, d]) => [pairKey(it.nik, it.matchNik), { decision: d, list: name }]),
    );
    expect(read).toEqual(want);
    expect({ ...result, sha256: undefined }).toEqual({ file: name, same: 2, different: 4, notices: [], sha256: undefined });
    // The conflict's decision stays in the page, and the page says so.
    expect(await page.textContent('[data-testid=status]')).toContain('1 keputusan konflik NIK tidak ikut');
    // Readable by a person too: the row's place, and a name that cannot run as a formula.
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ source_file: id(0).split(':')[0], source_line: id(0).split(':')[1], NAMA: `'${HOSTILE_NAME}`, decision: 'SAMA' });

    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:'))).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('hands its decisions to the next run: the held row of a SAMA pair is rejected, a BEDA pair accepted', async () => {
    // A run on the demo exports writes review.html beside review.csv: the page is the run's own.
    const inputs = ['kec-pondokgede.csv', 'kec-bekasi-barat.csv', 'kec-jatiasih.txt'].map((f) => join(DEMO, f));
    const run = (out: string, extra: string[] = []) =>
      runCli(['clean', ...inputs, '--region', '32.75', '--as-of', '2021-05-20', '--out', out, '--quiet', ...extra]);
    const first = join(tmp, 'run-1');
    expect(run(first).code).toBe(0);
    const url = pathToFileURL(join(first, 'review.html')).href;
    {
      // The held row beside the row it matches (an accepted row, not in review.csv), and the
      // NIK conflicts of the run as groups.
      const { ctx, page, problems } = await open(url);
      const card = cards(page).first();
      expect(await card.textContent()).toContain('kec-bekasi-barat.csv:10');
      expect(await card.textContent()).toContain('kec-pondokgede.csv:5');
      const review = parse(readFileSync(join(first, 'review.csv')), { columns: true, bom: true }) as Record<string, string>[];
      const conflictNiks = new Set(review.filter((r) => r.reason_codes === 'NIK_CONFLICT').map((r) => r.match_nik));
      expect(await page.textContent('[data-testid=progress]')).toContain(String(1 + conflictNiks.size));
      expect(problems).toEqual([]);
      await ctx.close();
    }
    const audit = (out: string) =>
      (parse(readFileSync(join(out, 'audit.csv')), { columns: true }) as Record<string, string>[]).find(
        (r) => r.source_file === 'kec-bekasi-barat.csv' && r.source_line === '10',
      );
    for (const [key, decision, disposition] of [
      ['s', 'SAMA', { disposition: 'rejected', reason_codes: 'DUPLICATE_CONFIRMED', duplicate_of: 'kec-pondokgede.csv:5' }],
      ['b', 'BEDA', { disposition: 'accepted', reason_codes: '' }],
    ] as const) {
      const { ctx, page, problems } = await open(url);
      await page.keyboard.press(key);
      expect(await cards(page).first().getAttribute('data-decision')).toBe(decision);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save]')]);
      const file = join(tmp, `${decision}-${download.suggestedFilename()}`);
      await download.saveAs(file);
      const out = join(tmp, `run-${decision}`);
      expect(run(out, ['--decisions', file]).code).toBe(0);
      expect(audit(out)).toMatchObject(disposition);
      expect(problems).toEqual([]);
      await ctx.close();
    }
  }, 120_000);

  it('makes room in a full storage by dropping the oldest other run, and says so when it cannot', async () => {
    const model = syntheticReviewModel({ pairs: 3, seed: 5 });
    const { ctx, page, problems } = await open(write('review-full.html', model));
    // Earlier runs' decisions (every file:// page shares one storage) fill it up.
    const filled = await page.evaluate(() => {
      let n = 0;
      for (const size of [1 << 20, 1 << 12, 16]) {
        const pad = 'x'.repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`umkm-clean:review:old-run-${n}`, JSON.stringify({ v: 1, t: n, d: {}, pad }));
            n++;
          } catch {
            break;
          }
        }
      }
      return n;
    });
    expect(filled).toBeGreaterThan(1);
    await page.keyboard.press('s');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('umkm-clean:review:old-run-')));
    expect(kept).not.toContain('umkm-clean:review:old-run-0');
    expect(kept.length).toBe(filled - 1);
    expect(await page.getAttribute('[data-testid=status]', 'class')).toBe('status');
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    expect(await cards(page).first().getAttribute('data-decision')).toBe('SAMA');
    // Full of what is not ours: decisions stay in the page only, and the page says so.
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('umkm-clean:review:old-run-')) localStorage.removeItem(k);
      let n = 0;
      for (const size of [1 << 20, 1 << 12, 16, 1]) {
        const pad = 'y'.repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`another-page-${n}`, pad);
            n++;
          } catch {
            break;
          }
        }
      }
    });
    await page.keyboard.press('b');
    await page.keyboard.press('b');
    expect(await page.getAttribute('[data-testid=status]', 'class')).toBe('status warn');
    expect(await page.textContent('[data-testid=status]')).toContain('keputusan hilang bila halaman ditutup');
    expect(problems).toEqual([]);
    // Closing the tab now asks first.
    const asked = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    expect((await asked).type()).toBe('beforeunload');
    await page.waitForEvent('close');
    await ctx.close();
  });

  it('speaks English with lang en', async () => {
    const base = syntheticReviewModel({ pairs: 3, conflicts: 1, lang: 'en' });
    // An id is any text: this one must still be a key of its own in the page's storage.
    const model = { ...base, items: base.items.map((it, i) => (i === 0 ? { ...it, id: '__proto__' } : it)) };
    const { ctx, page, problems } = await open(write('review-en.html', model, 'en'));
    expect(await page.textContent('[data-testid=save]')).toBe('Save decisions (CSV)');
    expect(await page.textContent('[data-testid=progress]')).toBe('0 of 4 decided');
    expect(await cards(page).first().locator('.evidence').textContent()).toMatch(/^Evidence: NIK differs in 1 digit/);
    await page.keyboard.press('s');
    expect(await cards(page).first().locator('.badge').textContent()).toBe('SAMA');
    await page.reload();
    await page.waitForSelector('body[data-ready=true]');
    expect(await cards(page).first().locator('.badge').textContent()).toBe('SAMA');
    expect(await page.textContent('[data-testid=progress]')).toBe('1 of 4 decided');
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('opens 5,000 pairs at once and moves between them quickly (times printed)', async () => {
    const model = syntheticReviewModel({ pairs: 5000, seed: 7 });
    const url = write('review-5000.html', model);
    const mb = statSync(join(tmp, 'review-5000.html')).size / 1e6;
    const { ctx, page, problems } = await open(url);
    expect(await cards(page).count()).toBe(20);
    const paint = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      ready: performance.getEntriesByName('review:ready')[0]?.startTime ?? Number.NaN,
    }));
    // In the page: a key press, then the frame that shows its result.
    const press = (key: string, times: number) =>
      page.evaluate(
        async ({ key, times }) => {
          const out: number[] = [];
          for (let i = 0; i < times; i++) {
            const t0 = performance.now();
            document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            out.push(performance.now() - t0);
          }
          return out;
        },
        { key, times },
      );
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const within = await press('j', 19);
    const [nextPage] = await press('j', 1);
    expect(await page.textContent('[data-testid=page]')).toContain('Halaman 2 dari 250');
    const decide = await press('s', 19);
    const [filterMs] = await page.evaluate(async () => {
      const sel = document.querySelector('[data-testid=filter-status]') as HTMLSelectElement;
      const t0 = performance.now();
      sel.value = 'undecided';
      sel.dispatchEvent(new Event('change'));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return [performance.now() - t0];
    });
    expect(await page.textContent('[data-testid=progress]')).toBe('19 dari 5000 diputuskan');
    const f = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? 'n/a' : `${n.toFixed(1)} ms`);
    console.log(
      `review.html with 5,000 pairs (${mb.toFixed(1)} MB): first contentful paint ${f(paint.fcp)}, first page of pairs ready ${f(paint.ready)}; ` +
        `next pair ${f(median(within))} (median of 19 J presses), next page ${f(nextPage)}, SAMA and on ${f(median(decide))} (median of 19), ` +
        `undecided filter over 5,000 ${f(filterMs)}`,
    );
    expect(problems).toEqual([]);
    await ctx.close();
  }, 120_000);

  it('renders a screenshot', async () => {
    const model = syntheticReviewModel({ pairs: 3, conflicts: 1, seed: 11 });
    const items = [model.items[0], model.items[3], model.items[1], model.items[2]] as ReviewItem[];
    const { ctx, page } = await open(write('review-shot.html', { ...model, items }));
    await page.setViewportSize({ width: 1280, height: 1180 });
    await cards(page).nth(0).locator('button[data-d=SAMA]').click();
    await cards(page).nth(2).locator('button[data-d=BEDA]').click();
    await cards(page).nth(3).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    const png = join(tmp, 'review-page.png');
    await page.screenshot({ path: png });
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(1280);
    if (process.env.UPDATE_SCREENSHOTS) copyFileSync(png, join(ROOT, 'docs', 'review-page.png'));
    await ctx.close();
  });
});
