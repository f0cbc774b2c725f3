/**
 * The style and the script of review.html, as the page carries them inline (no network: it must
 * work opened from disk). The script is plain browser JavaScript kept as a string, since the
 * project compiles for Node without the DOM's types; the browser test (test/e2e/review-page.test.ts)
 * is what checks it, and a unit test checks that it parses.
 *
 * What the script does:
 * - reads the page's JSON (<script type="application/json" id="review-data">: { lang, texts, model });
 * - keeps one decision per item (SAMA, BEDA, NANTI or none), starting from the model's earlier
 *   decisions; every change is written to localStorage at once under
 *   "umkm-clean:review:<manifestId>" ({ v: 1, t: <ms>, d: { <item id>: decision } }, "" = cleared),
 *   the item last looked at under "umkm-clean:review-at:<manifestId>"; when the storage is full,
 *   the oldest other run's decisions are dropped to make room (and if nothing can be dropped,
 *   the page says that decisions now live only until it is closed, and asks before closing);
 * - shows the filtered items 20 to a page (never thousands of blocks at once), each as a card
 *   with the held row beside the other row(s), field by field, the differing characters marked
 *   (longest common subsequence per value, case ignored);
 * - decides by click and by keyboard (S, B, N or L, U to clear; J/K or arrows to move), filters by
 *   kecamatan, by code or evidence, by status;
 * - saves the SAMA / BEDA decisions of pairs with two different NIKs as a CSV that
 *   `--decisions` reads (see REVIEW_DECISIONS_HEADER in review-page.ts).
 * Row data only ever reaches the page through textContent, never as markup.
 */

export const REVIEW_PAGE_STYLE = `
:root{--head:0px}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2430}
.top{max-width:1180px;margin:0 auto;padding:18px 24px 0}
h1{margin:0 0 2px;font-size:24px}
.meta{color:#5b6475;font-size:13px;overflow-wrap:anywhere}
.bar{position:sticky;top:0;z-index:2;background:#f5f6f8;border-bottom:1px solid #e3e6eb;box-shadow:0 2px 6px #0000000d}
.bar-in{max-width:1180px;margin:0 auto;padding:10px 24px;display:flex;flex-wrap:wrap;gap:10px 18px;align-items:center}
.progress{display:flex;align-items:center;gap:10px;min-width:280px;flex:1}
.meter{flex:0 0 160px;height:10px;background:#e3e6eb;border-radius:5px;overflow:hidden}
.meter span{display:block;height:100%;width:0;background:#18794e}
.progress b{font-variant-numeric:tabular-nums}
.counts{color:#5b6475;font-size:13px;white-space:nowrap}
.filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:center}
.filters label{font-size:13px;color:#5b6475;display:flex;gap:6px;align-items:center}
select{font:inherit;font-size:14px;padding:4px 6px;border:1px solid #c9ced6;border-radius:6px;background:#fff;color:#1d2430;max-width:240px}
button{font:inherit;cursor:pointer}
.save{background:#2456c7;color:#fff;border:0;border-radius:6px;padding:6px 14px;font-weight:600}
.save:hover{background:#1b45a3}
.status{flex-basis:100%;font-size:13px;color:#5b6475;margin-top:-4px}
.status:empty{display:none}
.status.warn{color:#c4320a;font-weight:600}
main{max-width:1180px;margin:0 auto;padding:14px 24px 8px}
.card{background:#fff;border-radius:10px;box-shadow:0 1px 3px #0002;margin:0 0 14px;padding:12px 14px 10px;border-left:6px solid #c9ced6;scroll-margin-top:calc(var(--head) + 10px);outline:none}
.card.current{box-shadow:0 0 0 2px #2456c7,0 2px 8px #0002}
.card[data-decision=SAMA]{border-left-color:#c4320a}
.card[data-decision=BEDA]{border-left-color:#18794e}
.card[data-decision=NANTI]{border-left-color:#b58105}
.head{display:flex;flex-wrap:wrap;align-items:center;gap:6px 12px}
.num{color:#5b6475;font-variant-numeric:tabular-nums;font-size:13px}
.code{font-weight:700}
.code.conflict{color:#8a3ffc}
.kec,.score{font-size:13px;color:#5b6475;background:#eef0f3;border-radius:10px;padding:1px 9px}
.badge{font-size:12px;font-weight:700;border-radius:10px;padding:1px 9px;background:#eef0f3;color:#5b6475}
.card[data-decision=SAMA] .badge{background:#fde8e1;color:#c4320a}
.card[data-decision=BEDA] .badge{background:#e1f4ea;color:#18794e}
.card[data-decision=NANTI] .badge{background:#fbf0d2;color:#8a6100}
.actions{margin-left:auto;display:flex;gap:6px}
.act{border:1px solid #c9ced6;background:#fff;border-radius:6px;padding:3px 12px;font-size:13px;font-weight:600;color:#1d2430}
.act:hover{background:#f0f2f5}
.act[aria-pressed=true].act-SAMA{background:#c4320a;border-color:#c4320a;color:#fff}
.act[aria-pressed=true].act-BEDA{background:#18794e;border-color:#18794e;color:#fff}
.act[aria-pressed=true].act-NANTI{background:#b58105;border-color:#b58105;color:#fff}
.act-clear{font-weight:400;color:#5b6475}
.evidence{margin:8px 0 8px;font-size:14px}
.evidence b{font-weight:600}
.note{margin:6px 0 0;font-size:13px;color:#8a3ffc}
.wrap{overflow-x:auto}
table.cmp{border-collapse:collapse;width:100%;font-size:14px;table-layout:fixed}
.cmp th,.cmp td{padding:4px 8px;text-align:left;vertical-align:top;border-bottom:1px solid #eef0f3;overflow-wrap:anywhere}
.cmp thead th{font-size:12px;color:#5b6475;font-weight:600;border-bottom:1px solid #dfe3e8}
.cmp thead code{display:block;color:#1d2430;font-size:13px}
.cmp th.f{width:150px;font-size:12px;color:#5b6475;font-weight:600;letter-spacing:.02em}
.cmp tr.eq td{color:#5b6475}
.cmp tr.diff th.f{color:#1d2430}
.cmp tr.diff th.f::before{content:"";display:inline-block;width:7px;height:7px;border-radius:50%;background:#e8590c;margin-right:6px;vertical-align:1px}
.cmp td{font-variant-numeric:tabular-nums}
mark{background:#ffd666;color:inherit;border-radius:2px;padding:0 1px}
.empty{color:#9aa1ad;font-style:italic}
.pager{max-width:1180px;margin:0 auto;padding:0 24px 12px;display:flex;gap:12px;align-items:center;justify-content:center;font-size:14px}
.pager button{border:1px solid #c9ced6;background:#fff;border-radius:6px;padding:4px 12px}
.pager button:disabled{opacity:.4;cursor:default}
.keys{max-width:1180px;margin:0 auto;padding:0 24px 24px;color:#5b6475;font-size:13px;text-align:center}
.none{color:#5b6475;text-align:center;padding:40px 0}
kbd{font:inherit}
`;

export const REVIEW_PAGE_SCRIPT = String.raw`
(() => {
  'use strict';
  performance.mark('review:start');
  const PAGE = 20;
  const data = JSON.parse(document.getElementById('review-data').textContent);
  const M = data.model;
  const T = data.texts;
  const items = M.items;
  const fields = M.fields;
  const $ = (id) => document.getElementById(id);
  const fmt = (s, p) => s.replace(/\{(\w+)\}/g, (m, k) => (Object.prototype.hasOwnProperty.call(p, k) ? String(p[k]) : m));
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const DECISIONS = ['SAMA', 'BEDA', 'NANTI', ''];

  // Decisions: the model's earlier ones, then what this browser stored for this run. Every
  // file:// page shares one storage, so each run has its own key, and when the storage is full
  // the oldest other run's decisions make room.
  const PREFIX = 'umkm-clean:review:';
  const KEY = PREFIX + M.manifestId;
  const AT = 'umkm-clean:review-at:' + M.manifestId;
  let store = null;
  try {
    // Throws where storage is off (a browser setting, some private windows).
    store = window.localStorage;
    store.getItem(KEY);
  } catch (e) {
    store = null;
  }
  // A Map, not an object: an item id is any text, "__proto__" included.
  let touched = new Map();
  let lastAt = null;
  if (store) {
    try {
      const parsed = JSON.parse(store.getItem(KEY) || 'null');
      if (parsed && typeof parsed.d === 'object' && parsed.d !== null) touched = new Map(Object.entries(parsed.d));
      lastAt = store.getItem(AT);
    } catch (e) {
      touched = new Map();
    }
  }
  const dec = items.map((it) => {
    const own = touched.get(it.id);
    if (own !== undefined && DECISIONS.includes(own)) return own;
    return it.decision === 'SAMA' || it.decision === 'BEDA' ? it.decision : '';
  });
  const status = $('status');
  const showStorage = () => {
    status.className = store ? 'status' : 'status warn';
    status.textContent = store ? T.storedHere : T.storageOff;
  };
  const savedAt = (key) => {
    try {
      const t = JSON.parse(store.getItem(key) || 'null').t;
      return typeof t === 'number' ? t : 0;
    } catch (e) {
      return 0;
    }
  };
  const dropOldestOtherRun = () => {
    const others = [];
    for (let k = 0; k < store.length; k++) {
      const key = store.key(k);
      if (key !== null && key.startsWith(PREFIX) && key !== KEY) others.push([savedAt(key), key]);
    }
    if (others.length === 0) return false;
    others.sort((a, b) => a[0] - b[0]);
    const key = others[0][1];
    store.removeItem(key);
    store.removeItem('umkm-clean:review-at:' + key.slice(PREFIX.length));
    return true;
  };
  let unsaved = false;
  const persist = () => {
    unsaved = true;
    if (!store) return;
    const text = JSON.stringify({ v: 1, t: Date.now(), d: Object.fromEntries(touched) });
    for (;;) {
      try {
        store.setItem(KEY, text);
        return;
      } catch (e) {
        let dropped = false;
        try {
          dropped = dropOldestOtherRun();
        } catch (e2) {
          dropped = false;
        }
        if (!dropped) {
          store = null;
          showStorage();
          return;
        }
      }
    }
  };
  window.addEventListener('beforeunload', (e) => {
    if (!store && unsaved) {
      e.preventDefault();
      e.returnValue = '';
    }
  });

  // Run information.
  const meta = $('meta');
  const metaParts = [];
  if (M.generatedAt) metaParts.push(T.generated + ' ' + M.generatedAt);
  if (M.inputs && M.inputs.length) metaParts.push(T.inputs + ': ' + M.inputs.join(', '));
  metaParts.push(T.run + ' ' + M.manifestId.slice(0, 12));
  if (M.omitted) metaParts.push(T.omitted.replace('{count}', String(M.omitted)));
  meta.textContent = metaParts.join(' · ');

  // Filters.
  const fKec = $('f-kec');
  const fEv = $('f-evidence');
  const fSt = $('f-status');
  const option = (sel, value, label) => {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    sel.appendChild(o);
  };
  const tally = (key) => {
    const m = new Map();
    for (const it of items) for (const k of key(it)) m.set(k, (m.get(k) || 0) + 1);
    return m;
  };
  option(fKec, '', T.all + ' (' + items.length + ')');
  const kecs = tally((it) => [it.kecamatan || '']);
  for (const [k, n] of [...kecs].sort((a, b) => a[0].localeCompare(b[0], data.lang))) option(fKec, 'k:' + k, (k || '–') + ' (' + n + ')');
  option(fEv, '', T.all);
  for (const [k, n] of tally((it) => [it.code])) option(fEv, 'code:' + k, (T.codes[k] || k) + ' (' + n + ')');
  const kinds = tally((it) => [...new Set(it.evidenceKinds || [])]);
  for (const [k, n] of kinds) option(fEv, 'kind:' + k, (T.evidenceKinds[k] || k) + ' (' + n + ')');
  option(fSt, '', T.all);
  option(fSt, 'undecided', T.statusUndecided);
  option(fSt, 'NANTI', T.statusLater);
  option(fSt, 'SAMA', T.statusSame);
  option(fSt, 'BEDA', T.statusDifferent);

  const passes = (i) => {
    const it = items[i];
    const k = fKec.value;
    if (k && 'k:' + (it.kecamatan || '') !== k) return false;
    const ev = fEv.value;
    if (ev.startsWith('code:') && it.code !== ev.slice(5)) return false;
    if (ev.startsWith('kind:') && !(it.evidenceKinds || []).includes(ev.slice(5))) return false;
    const st = fSt.value;
    if (st === 'undecided') return dec[i] !== 'SAMA' && dec[i] !== 'BEDA';
    if (st) return dec[i] === st;
    return true;
  };

  // Character differences: marks the code points of a that are outside a longest common
  // subsequence with b (case ignored); a mask, or { chars, mask } when it walked the table.
  const up = (s) => s.toUpperCase();
  const sameValue = (a, b) => up(a.trim().replace(/\s+/g, ' ')) === up(b.trim().replace(/\s+/g, ' '));
  const diffMask = (a, b) => {
    const A = Array.from(a);
    const B = Array.from(b);
    const n = A.length;
    const m = B.length;
    if (n * m > 250000) return A.map(() => !sameValue(a, b));
    const Au = A.map(up);
    const Bu = B.map(up);
    const w = m + 1;
    const dp = new Uint16Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i * w + j] = Au[i] === Bu[j] ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
      }
    }
    // Values that share less than half their characters are simply different: marking the
    // few letters they happen to share would only be noise.
    if (dp[0] * 2 < Math.max(n, m)) return A.map(() => true);
    const mask = new Array(n).fill(true);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (Au[i] === Bu[j]) {
        mask[i] = false;
        i++;
        j++;
      } else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
      else j++;
    }
    return { chars: A, mask };
  };
  const valueCell = (v, against) => {
    const td = el('td');
    if (v === '') {
      td.appendChild(el('span', 'empty', T.empty));
      return td;
    }
    if (against === null || sameValue(v, against)) {
      td.textContent = v;
      return td;
    }
    const d = diffMask(v, against);
    const chars = Array.isArray(d) ? Array.from(v) : d.chars;
    const mask = Array.isArray(d) ? d : d.mask;
    let run = '';
    let marked = mask[0];
    const flush = () => {
      if (run === '') return;
      td.appendChild(marked ? el('mark', null, run) : document.createTextNode(run));
      run = '';
    };
    for (let k = 0; k < chars.length; k++) {
      if (mask[k] !== marked) {
        flush();
        marked = mask[k];
      }
      run += chars[k];
    }
    flush();
    return td;
  };
  const valueOf = (row, f) => {
    const v = row.values[f];
    return typeof v === 'string' ? v : '';
  };

  // Cards.
  const card = (i) => {
    const it = items[i];
    const conflict = it.code === 'NIK_CONFLICT';
    const c = el('article', 'card');
    c.setAttribute('data-testid', 'item');
    c.dataset.id = it.id;
    c.dataset.index = String(i);
    c.dataset.code = it.code;
    c.dataset.kecamatan = it.kecamatan || '';
    c.tabIndex = -1;
    const head = el('div', 'head');
    head.append(el('span', 'num', '#' + (i + 1)), el('span', 'code ' + (conflict ? 'conflict' : 'pair'), T.codes[it.code] || it.code));
    if (it.kecamatan) head.append(el('span', 'kec', it.kecamatan));
    if (it.score) head.append(el('span', 'score', T.score + ' ' + it.score));
    head.append(el('span', 'badge'));
    const actions = el('div', 'actions');
    for (const [d, label, hint] of [
      ['SAMA', T.same, T.sameHint],
      ['BEDA', T.different, T.differentHint],
      ['NANTI', T.later, T.laterHint],
      ['', T.clear, T.clearHint],
    ]) {
      const b = el('button', 'act act-' + (d || 'clear'), label);
      b.type = 'button';
      b.title = hint;
      b.dataset.d = d;
      actions.appendChild(b);
    }
    head.appendChild(actions);
    c.appendChild(head);
    const evidence = it.evidence || (conflict ? fmt(T.conflictEvidence, { nik: it.nik, count: 1 + it.others.length }) : '');
    if (evidence) {
      const p = el('p', 'evidence');
      p.append(el('b', null, T.evidence + ': '), document.createTextNode(evidence));
      c.appendChild(p);
    }
    const table = el('table', 'cmp');
    const hr = table.createTHead().insertRow();
    hr.appendChild(el('th', 'f', T.field));
    [it.held, ...it.others].forEach((r, k) => {
      const th = el('th', null, k === 0 ? T.held : conflict ? T.sameNik : T.matches);
      th.appendChild(el('code', null, r.ref));
      hr.appendChild(th);
    });
    const body = table.createTBody();
    for (const f of fields) {
      const hv = valueOf(it.held, f);
      const ov = it.others.map((o) => valueOf(o, f));
      const differs = ov.some((v) => !sameValue(hv, v));
      const tr = body.insertRow();
      tr.className = differs ? 'diff' : 'eq';
      const th = el('th', 'f', f);
      if (differs) th.title = T.differs;
      tr.appendChild(th);
      tr.appendChild(valueCell(hv, ov.length ? ov[0] : null));
      for (const v of ov) tr.appendChild(valueCell(v, hv));
    }
    const wrap = el('div', 'wrap');
    wrap.appendChild(table);
    c.appendChild(wrap);
    if (conflict) c.appendChild(el('p', 'note', T.conflictNote));
    paint(c, i);
    return c;
  };
  const paint = (c, i) => {
    const d = dec[i];
    const it = items[i];
    c.dataset.decision = d || 'none';
    const label = d === 'SAMA' ? T.same : d === 'BEDA' ? T.different : d === 'NANTI' ? T.later : T.undecided;
    c.querySelector('.badge').textContent = d && d === it.decision ? label + ' · ' + T.earlier : label;
    for (const b of c.querySelectorAll('button.act')) {
      if (b.dataset.d) b.setAttribute('aria-pressed', String(b.dataset.d === d));
    }
  };

  // The list, a page at a time.
  const list = $('list');
  const pageText = $('page');
  const prev = $('prev');
  const next = $('next');
  const bar = document.querySelector('.bar');
  let view = [];
  let cur = 0;
  let pageStart = -1;
  const shown = new Map();
  const renderPage = () => {
    pageStart = Math.floor(cur / PAGE) * PAGE;
    shown.clear();
    const nodes = [];
    if (view.length === 0) nodes.push(el('p', 'none', items.length === 0 ? T.noItems : T.noneFiltered));
    for (const i of view.slice(pageStart, pageStart + PAGE)) {
      const c = card(i);
      shown.set(i, c);
      nodes.push(c);
    }
    list.replaceChildren(...nodes);
    const pages = Math.max(1, Math.ceil(view.length / PAGE));
    const page = pageStart / PAGE + 1;
    pageText.textContent =
      fmt(T.page, { page, pages }) +
      (view.length ? ' · ' + fmt(T.showing, { from: pageStart + 1, to: Math.min(view.length, pageStart + PAGE), count: view.length }) : '');
    prev.disabled = page <= 1;
    next.disabled = page >= pages;
  };
  const markCurrent = (scroll) => {
    const old = list.querySelector('.card.current');
    if (old) {
      old.classList.remove('current');
      old.removeAttribute('aria-current');
    }
    const c = shown.get(view[cur]);
    if (!c) return;
    c.classList.add('current');
    c.setAttribute('aria-current', 'true');
    if (scroll) c.scrollIntoView({ block: 'nearest' });
  };
  const go = (pos, scroll) => {
    if (view.length === 0) return;
    cur = Math.max(0, Math.min(view.length - 1, pos));
    if (Math.floor(cur / PAGE) * PAGE !== pageStart) {
      renderPage();
      if (scroll) window.scrollTo(0, 0);
    }
    markCurrent(scroll);
    if (store) {
      try {
        store.setItem(AT, items[view[cur]].id);
      } catch (e) {
        /* the position is a convenience; decisions report their own failure */
      }
    }
  };
  const applyFilters = (keepId) => {
    view = [];
    for (let i = 0; i < items.length; i++) if (passes(i)) view.push(i);
    const at = keepId === null ? -1 : view.findIndex((i) => items[i].id === keepId);
    cur = at < 0 ? 0 : at;
    pageStart = -1;
    renderPage();
    markCurrent(false);
  };

  // Progress.
  const meter = document.querySelector('.meter span');
  const progressText = $('progress');
  const countsText = $('counts');
  const updateProgress = () => {
    let same = 0;
    let different = 0;
    let later = 0;
    for (const d of dec) {
      if (d === 'SAMA') same++;
      else if (d === 'BEDA') different++;
      else if (d === 'NANTI') later++;
    }
    const decided = same + different;
    progressText.textContent = fmt(T.progress, { decided, total: items.length });
    progressText.dataset.decided = String(decided);
    countsText.textContent = fmt(T.counts, { same, different, later });
    meter.style.width = (items.length ? (decided / items.length) * 100 : 100).toFixed(1) + '%';
  };

  const decide = (i, d, advance) => {
    dec[i] = d;
    touched.set(items[i].id, d);
    persist();
    const c = shown.get(i);
    if (c) paint(c, i);
    updateProgress();
    if (advance && view[cur] === i) go(cur + 1, true);
  };

  list.addEventListener('click', (e) => {
    const c = e.target.closest('.card');
    if (!c) return;
    const i = Number(c.dataset.index);
    const pos = view.indexOf(i, pageStart);
    if (pos >= 0 && pos !== cur) go(pos, false);
    const b = e.target.closest('button.act');
    if (b) decide(i, b.dataset.d, false);
  });
  prev.addEventListener('click', () => go(pageStart - PAGE, true));
  next.addEventListener('click', () => go(pageStart + PAGE, true));
  for (const sel of [fKec, fEv, fSt]) {
    sel.addEventListener('change', () => {
      applyFilters(view.length ? items[view[cur]].id : null);
      sel.blur();
    });
  }
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const t = e.target;
    if (t && (t.tagName === 'SELECT' || t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const here = view.length ? view[cur] : -1;
    switch (key) {
      case 's':
        if (here >= 0) decide(here, 'SAMA', true);
        break;
      case 'b':
        if (here >= 0) decide(here, 'BEDA', true);
        break;
      case 'n':
      case 'l':
        if (here >= 0) decide(here, 'NANTI', true);
        break;
      case 'u':
      case 'Delete':
      case 'Backspace':
        if (here >= 0) decide(here, '', false);
        break;
      case 'j':
      case 'ArrowDown':
      case 'ArrowRight':
        go(cur + 1, true);
        break;
      case 'k':
      case 'ArrowUp':
      case 'ArrowLeft':
        go(cur - 1, true);
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  // The decisions file: what --decisions reads (NIK, match_nik, decision), with the row's place
  // and name so a person can read it too.
  const FORMULA = /^[=+\-@\t\r]/;
  const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
  const csvCell = (value) => {
    let v = String(value);
    if (FORMULA.test(v) && !NUMBER.test(v)) v = "'" + v;
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  };
  const HEADER = data.decisionsHeader;
  $('save').addEventListener('click', () => {
    const lines = [HEADER.map(csvCell).join(',')];
    let leftOut = 0;
    items.forEach((it, i) => {
      const d = dec[i];
      if (d !== 'SAMA' && d !== 'BEDA') return;
      if (it.nik === it.matchNik) {
        leftOut++;
        return;
      }
      const colon = it.held.ref.lastIndexOf(':');
      const file = colon < 0 ? it.held.ref : it.held.ref.slice(0, colon);
      const line = colon < 0 ? '' : it.held.ref.slice(colon + 1);
      const row = {
        source_file: file,
        source_line: line,
        reason_codes: it.code,
        match_with: it.others.length ? it.others[0].ref : '',
        match_score: it.score,
        match_nik: it.matchNik,
        decision: d,
        NIK: it.nik,
        NAMA: valueOf(it.held, 'NAMA'),
      };
      lines.push(HEADER.map((h) => csvCell(row[h] === undefined ? '' : row[h])).join(','));
    });
    const count = lines.length - 1;
    const parts = [];
    if (count === 0) parts.push(T.savedNone);
    else {
      const name = T.fileName + '-' + (M.manifestId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 12) || 'run') + '.csv';
      const blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      unsaved = false;
      parts.push(fmt(T.saved, { count, file: name }));
    }
    if (leftOut > 0) parts.push(fmt(T.savedConflictsLeftOut, { count: leftOut }));
    status.className = 'status';
    status.textContent = parts.join(' ');
  });

  showStorage();
  updateProgress();
  document.documentElement.style.setProperty('--head', bar.offsetHeight + 'px');
  applyFilters(lastAt);
  if (lastAt && view.length && items[view[cur]].id === lastAt) markCurrent(true);
  performance.mark('review:ready');
  document.body.dataset.ready = 'true';
})();
`;
