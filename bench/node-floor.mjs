/**
 * Floors for any Node.js run of this job, in plain Node with the project's own readers and writers
 * and nothing else: no normalising, no rules, no probable duplicates.
 *
 *   node bench/node-floor.mjs <input> <out-dir>            DuckDB's bare dedup: the first row per
 *        NIK kept by a Set, every column written as CSV (node-floor.csv), on one thread.
 *   node bench/node-floor.mjs <input> <out-dir> --files    the same dedup writing what any run of
 *        umkm-clean must write for the rows it keeps: submission.csv and submission.xlsx in the
 *        default template's columns (the workbook built on the project's worker thread, deflated
 *        in zlib's pool, as a real run does) and audit.csv, a line per row. No rejected, review or
 *        per-file workbooks, no report, no checksums: a floor, not the job. With --no-xlsx, without
 *        the workbook, as `umkm-clean clean --no-xlsx`.
 *
 * What the full pipeline adds is measured against these, not only against DuckDB. Prints its wall
 * time and peak RSS as JSON.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CsvTokenizer } from '../dist/io/csv-tokenizer.js';
import { csvLine } from '../dist/io/csv-line.js';
import { AUDIT_HEADER } from '../dist/report/csv-rows.js';
import { DEFAULT_TEMPLATE } from '../dist/schema/template.js';
import { buildAliasIndex, mapHeader } from '../dist/schema/fields.js';
import { openSheet } from '../dist/io/xlsx-sheets.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { files: { type: 'boolean', default: false }, 'no-xlsx': { type: 'boolean', default: false } } });
const [input, outDir] = positionals;
const started = performance.now();
const tokenizer = new CsvTokenizer(',');

/** A CSV output gathered into 32 KB pieces before each write. */
function csvOut(name) {
  const stream = createWriteStream(join(outDir, name));
  let text = '';
  return {
    /** Returns a promise only when the piece had to wait for the file. */
    add(line) {
      text += line;
      if (text.length < 32 * 1024) return undefined;
      const piece = text;
      text = '';
      return stream.write(piece) ? undefined : once(stream, 'drain');
    },
    async close() {
      stream.end(text);
      await once(stream, 'close');
    },
  };
}

const seen = new Set();
const kept = csvOut(values.files ? 'submission.csv' : 'node-floor.csv');
const audit = values.files ? csvOut('audit.csv') : null;
let sheet = null;
let nikAt = -1;
let columns = null;
const take = async (records) => {
  for (const rec of records) {
    if (nikAt < 0) {
      // Header names to fields as the tool maps them; the template's columns as it writes them.
      const mapped = mapHeader(rec.cells, buildAliasIndex()).columns;
      if (mapped.nik === undefined) throw new Error(`${input}: no NIK column in the first line`);
      nikAt = mapped.nik;
      columns = values.files ? DEFAULT_TEMPLATE.map((t) => mapped[t.field] ?? -1) : null;
      const header = columns ? DEFAULT_TEMPLATE.map((t) => t.column) : rec.cells;
      await kept.add(csvLine(header));
      if (audit) {
        await audit.add(csvLine(AUDIT_HEADER));
        if (!values['no-xlsx']) sheet = await openSheet(join(outDir, 'submission.xlsx'), 'submission', header);
      }
      continue;
    }
    const nik = rec.cells[nikAt];
    const repeat = seen.has(nik);
    const logged = audit?.add(csvLine(['input.csv', String(rec.line), repeat ? 'rejected' : 'accepted', repeat ? 'DUPLICATE_NIK' : '', '', nik, '']));
    if (logged) await logged;
    if (repeat) continue;
    seen.add(nik);
    const row = columns ? columns.map((i) => rec.cells[i] ?? '') : rec.cells;
    const written = kept.add(csvLine(row));
    if (written) await written;
    const wait = sheet?.addRow(row);
    if (wait) await wait;
  }
};
for await (const chunk of createReadStream(input, { highWaterMark: 256 * 1024, encoding: 'utf8' })) await take(tokenizer.push(chunk));
await take(tokenizer.end());
await kept.close();
await audit?.close();
await sheet?.close();
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), kept: seen.size }));
