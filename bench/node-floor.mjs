/**
 * A floor for any Node.js run of this job: DuckDB's bare dedup done in plain Node on one thread,
 * with the project's CSV tokenizer and record writer (read, first row per NIK kept by a Set, every
 * column written as CSV). No normalising, no rules, no probable duplicates, no other output. What
 * the full pipeline adds is measured against this, not only against DuckDB. Prints its wall time
 * and peak RSS as JSON.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CsvTokenizer } from '../dist/io/csv-tokenizer.js';
import { csvLine } from '../dist/report/csv-line.js';

const [input, output] = process.argv.slice(2);
const started = performance.now();
const tokenizer = new CsvTokenizer(',');
const out = createWriteStream(output);
const seen = new Set();
let nikAt = -1;
let text = '';
const take = async (records) => {
  for (const rec of records) {
    if (nikAt < 0) {
      nikAt = rec.cells.indexOf('NIK');
      text += csvLine(rec.cells);
      continue;
    }
    const nik = rec.cells[nikAt];
    if (seen.has(nik)) continue;
    seen.add(nik);
    text += csvLine(rec.cells);
    if (text.length >= 32 * 1024) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
};
for await (const chunk of createReadStream(input, { highWaterMark: 256 * 1024, encoding: 'utf8' })) await take(tokenizer.push(chunk));
await take(tokenizer.end());
out.end(text);
await once(out, 'close');
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), kept: seen.size }));
