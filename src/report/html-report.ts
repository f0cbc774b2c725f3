/**
 * report.html: the run's story on one self-contained page (no network, no script): the counts,
 * rejections by reason, kecamatan and file, the top problems with examples (NIKs masked), the
 * warnings per file, and the options used. Pure: summary in, HTML out.
 */
import type { Lang } from '../i18n/messages.js';
import { maskIds } from './mask.js';
import { REPORT_TEXTS as T } from '../i18n/report-texts.js';
import { reasonSummary } from '../i18n/reasons.js';
import type { ReasonCode } from '../schema/codes.js';
import type { Example } from './summary.js';
import type { SummaryJson } from './summary-json.js';

/**
 * Escapes for HTML and masks every NIK-like value (src/report/mask.ts): reason texts quote the
 * row's own NIK however damaged, and the other row's; names and file names may hold one too.
 * Everything on the page goes through here, so nothing reaches it unmasked.
 */
export function escapeHtml(s: string): string {
  return maskIds(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function bars(entries: [string, number][], testid: string, label: (k: string) => string): string {
  if (entries.length === 0) return '';
  const max = Math.max(...entries.map(([, n]) => n), 1);
  return `<table class="bars" data-testid="${testid}">${entries
    .map(
      ([k, n]) =>
        `<tr data-key="${escapeHtml(k)}"><th>${escapeHtml(label(k))}</th><td class="bar"><span style="width:${((n / max) * 100).toFixed(1)}%"></span></td><td class="n" data-count="${n}">${n}</td></tr>`,
    )
    .join('')}</table>`;
}

const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** A count as the language writes it: 15.201 in Indonesian, 15,201 in English. */
export function formatNumber(n: number, lang: Lang): string {
  return n.toLocaleString(LOCALES[lang]);
}

/** When the run started, in the machine's local time with its zone (WIB, GMT+7, ...), as the language writes it. */
export function formatWhen(iso: string, lang: Lang, timeZone?: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(new Date(iso));
}

/** An option's value for a person: lists one per line, none as a dash, yes/no, a region by code and name. */
function optionValue(v: unknown, lang: Lang): string {
  const t = T[lang];
  if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) return '—';
  if (Array.isArray(v)) return v.map((x) => escapeHtml(String(x))).join('<br>');
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v === 'object') return escapeHtml(Object.values(v as Record<string, unknown>).join(' '));
  return escapeHtml(String(v));
}

export function renderHtmlReport(
  summary: SummaryJson,
  examples: ReadonlyMap<string, readonly Example[]>,
  lang: Lang,
  timeZone?: string,
): string {
  const t = T[lang];
  const fmt = (n: number) => formatNumber(n, lang);
  const tot = summary.totals;
  const reasons = (Object.entries(summary.reasons) as [string, number][]).sort((a, b) => b[1] - a[1]);
  const warnings = (Object.entries(summary.warnings) as [string, number][]).sort((a, b) => b[1] - a[1]);
  const card = (id: string, label: string, n: number, cls: string) =>
    `<div class="card ${cls}"><div class="n" data-testid="${id}" data-count="${n}">${fmt(n)}</div><div>${escapeHtml(label)}</div></div>`;
  const kec = summary.kecamatan
    .map(
      (k) =>
        `<tr><td>${escapeHtml(k.name)}</td><td class="n">${fmt(k.rows)}</td><td class="n">${fmt(k.accepted)}</td><td class="n">${fmt(k.rejected)}</td><td class="n">${fmt(k.review)}</td><td class="stack"><span class="a" style="width:${((k.accepted / Math.max(k.rows, 1)) * 100).toFixed(1)}%"></span><span class="r" style="width:${((k.rejected / Math.max(k.rows, 1)) * 100).toFixed(1)}%"></span><span class="v" style="width:${((k.review / Math.max(k.rows, 1)) * 100).toFixed(1)}%"></span></td></tr>`,
    )
    .join('');
  const files = summary.files
    .map(
      (f) =>
        `<tr data-file="${escapeHtml(f.file)}"><td>${escapeHtml(f.file)}${f.sheet ? ` <span class="sheet">(${t.sheet} ${f.sheet.number}: ${escapeHtml(f.sheet.name)})</span>` : ''}</td><td>${escapeHtml(f.encoding)}${f.bom ? '+BOM' : ''}</td><td>${escapeHtml(f.delimiter_name)}</td><td class="n">${f.header_line}</td><td class="n" data-count="${f.rows}">${fmt(f.rows)}</td><td class="n">${fmt(f.accepted)}</td><td class="n">${fmt(f.rejected)}</td><td class="n">${fmt(f.review)}</td></tr>` +
        f.notices
          .map((n) => `<tr class="notice ${n.level}"><td colspan="8">${n.level === 'warning' ? '&#9888; ' : ''}${escapeHtml(n.message)}</td></tr>`)
          .join(''),
    )
    .join('');
  const top = reasons
    .slice(0, 8)
    .map(([code, n]) => {
      const ex = examples.get(code) ?? [];
      return `<li><b>${escapeHtml(code)}</b> (${fmt(n)}): ${escapeHtml(reasonSummary(lang, code as ReasonCode))}<ul>${ex
        .map((e) => `<li><code>${escapeHtml(e.file)}:${e.line}</code> NIK <code>${escapeHtml(e.nik)}</code> — ${escapeHtml(e.text)}</li>`)
        .join('')}</ul></li>`;
    })
    .join('');
  const options = Object.entries(summary.options)
    .map(([k, v]) => `<tr><th>${k === 'inputs' ? escapeHtml(t.inputs) : `--${escapeHtml(k.replace(/_/g, '-'))}`}</th><td>${optionValue(v, lang)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2430}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{margin:0 0 4px;font-size:26px} h2{margin:28px 0 10px;font-size:19px}
.meta{color:#5b6475;margin-bottom:18px}
.cards{display:grid;grid-template-columns:repeat(5,1fr);gap:12px}
.card{background:#fff;border-radius:10px;padding:14px 16px;box-shadow:0 1px 3px #0001}
.card .n{font-size:30px;font-weight:700}
.card.acc .n{color:#18794e}.card.rej .n{color:#c4320a}.card.rev .n{color:#b58105}.card.skip .n{color:#5b6475}
.ok{color:#18794e}.bad{color:#c4320a;font-weight:700}
table{border-collapse:collapse;width:100%;background:#fff;border-radius:10px;overflow:hidden;box-shadow:0 1px 3px #0001}
th,td{padding:6px 10px;text-align:left;border-bottom:1px solid #eef0f3;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.bars th{width:30%;font-weight:600}.bars td.bar{width:60%}
.bar span{display:block;height:14px;background:#c4320a;border-radius:3px}
[data-testid=warning-bars] .bar span{background:#b58105}
.stack{width:30%}.stack span{display:inline-block;height:12px}.stack .a{background:#18794e}.stack .r{background:#c4320a}.stack .v{background:#b58105}
tr.notice td{font-size:13px;color:#5b6475}tr.notice.warning td{color:#c4320a;font-weight:600}
ul{margin:6px 0 12px}code{font-size:13px}
.note{color:#5b6475;font-size:14px}.key{display:inline-block;width:12px;height:12px;border-radius:2px;margin-left:8px;vertical-align:-1px}
.key.a{background:#18794e}.key.r{background:#c4320a}.key.v{background:#b58105}
</style>
</head>
<body><main>
<h1>${escapeHtml(t.title)}</h1>
<div class="meta">${escapeHtml(t.generated)} <time datetime="${escapeHtml(summary.started_at)}">${escapeHtml(formatWhen(summary.started_at, lang, timeZone))}</time> · ${escapeHtml(summary.tool.name)} ${escapeHtml(summary.tool.version)}</div>
<div class="cards">
${card('rows', t.rows, tot.rows, '')}
${card('accepted', t.accepted, tot.accepted, 'acc')}
${card('rejected', t.rejected, tot.rejected, 'rej')}
${card('review', t.review, tot.review, 'rev')}
${card('skipped', t.skipped, tot.skipped_lines, 'skip')}
</div>
<p class="${tot.balanced ? 'ok' : 'bad'}" data-testid="balanced">${escapeHtml(tot.balanced ? t.balanced : t.unbalanced)}</p>
<h2>${escapeHtml(t.byReason)}</h2>
<p class="note" data-testid="reasons-note">${escapeHtml(t.reasonsNote.replace('{pairs}', fmt(summary.matching.possible_duplicates)).replace('{review}', fmt(tot.review)))}</p>
${bars(reasons, 'reason-bars', (k) => `${k}: ${reasonSummary(lang, k as ReasonCode)}`) || `<p>${t.none}</p>`}
<h2>${escapeHtml(t.warnings)}</h2>
${bars(warnings, 'warning-bars', (k) => `${k}: ${reasonSummary(lang, k as ReasonCode)}`) || `<p>${t.none}</p>`}
<h2>${escapeHtml(t.byKecamatan)}</h2>
<p class="note" data-testid="legend"><span class="key a"></span> ${escapeHtml(t.accepted)} <span class="key r"></span> ${escapeHtml(t.rejected)} <span class="key v"></span> ${escapeHtml(t.review)}</p>
<table data-testid="kecamatan"><tr><th>${t.kecamatan}</th><th>${t.rows}</th><th>${t.accepted}</th><th>${t.rejected}</th><th>${t.review}</th><th></th></tr>${kec}</table>
<h2>${escapeHtml(t.byFile)}</h2>
<table data-testid="files"><tr><th>${t.file}</th><th>${t.encoding}</th><th>${t.delimiter}</th><th>${t.header}</th><th>${t.rows}</th><th>${t.accepted}</th><th>${t.rejected}</th><th>${t.review}</th></tr>${files}</table>
<h2>${escapeHtml(t.examples)}</h2>
<ol data-testid="examples">${top || `<li>${t.none}</li>`}</ol>
<h2>${escapeHtml(t.options)}</h2>
<table data-testid="options">${options}</table>
</main></body></html>
`;
}
