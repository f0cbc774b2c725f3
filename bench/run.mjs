/**
 * npm run bench -- --rows N [--seed S] [--no-xlsx] [--skip-duckdb]
 *
 * Generates N seeded synthetic rows (the project's generator: households, namesakes, exact and
 * fuzzy repeats), runs the full `umkm-clean clean` on them (every rule, exact and fuzzy
 * duplicates, every output) and DuckDB's bare dedup on the same file, each in its own process, and
 * prints wall time, rows/s, peak RSS and the ratio ours/DuckDB. With DuckDB it also runs two floors
 * in plain Node (bench/node-floor.mjs): the same bare dedup, what any Node.js run of the job starts
 * from; and that dedup writing only the files any run of ours must write for the rows it keeps
 * (submission.csv, submission.xlsx unless --no-xlsx, audit.csv), no checks. Figures, not assertions.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateBatch, synthCsvLine } from '../dist/synth/generate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    'skip-duckdb': { type: 'boolean', default: false },
    'no-xlsx': { type: 'boolean', default: false },
  },
});
const rows = Number(values.rows);
const seed = Number(values.seed);
const dir = join(root, '.bench');
mkdirSync(dir, { recursive: true });
const input = join(dir, `synth-${rows}-${seed}.csv`);

async function generate() {
  // Generated in slices of a million so the generator's people list stays small; each slice
  // has its own seed, so the file is the same on every machine.
  const out = createWriteStream(input);
  let written = 0;
  let slice = 0;
  out.write(`NO,NIK,NO KK,NAMA,JK,TANGGAL LAHIR,ALAMAT,KELURAHAN,KECAMATAN,BIDANG USAHA,NO HP\r\n`);
  while (written < rows) {
    const n = Math.min(1_000_000, rows - written);
    const batch = generateBatch({ rows: n, seed: seed * 1000 + slice, regencyOffset: slice * 10 });
    slice++;
    for (const r of batch.rows) {
      r.cells[0] = String(++written);
      if (!out.write(`${synthCsvLine(r.cells)}\r\n`)) await once(out, 'drain');
    }
  }
  out.end();
  await once(out, 'close');
}

if (!existsSync(input)) {
  const t = performance.now();
  await generate();
  console.log(`generated ${rows} rows in ${((performance.now() - t) / 1000).toFixed(1)} s: ${input}`);
}

function runOurs() {
  const out = join(dir, `out-${rows}`);
  rmSync(out, { recursive: true, force: true });
  const t = performance.now();
  const extra = values['no-xlsx'] ? ['--no-xlsx'] : [];
  const r = spawnSync(process.execPath, [join(root, 'bin', 'umkm-clean.js'), 'clean', input, '--out', out, '--quiet', '--as-of', '2021-05-20', ...extra], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`umkm-clean exited ${r.status}`);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  return { ms, peakRssMb: summary.peak_rss_mb, summary };
}

function runDuck() {
  const out = join(dir, `duckdb-${rows}.csv`);
  const r = spawnSync(process.execPath, [join(root, 'bench', 'duckdb-dedup.mjs'), input, out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`duckdb exited ${r.status}: ${r.stderr}`);
  const t = JSON.parse(r.stdout.trim().split('\n').pop());
  return t;
}

/** A floor in plain Node (bench/node-floor.mjs): the bare dedup, or with --files our submission files. */
function runFloor(files) {
  const out = join(dir, files ? `node-floor-files-${rows}` : `node-floor-${rows}`);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const extra = files ? ['--files', ...(values['no-xlsx'] ? ['--no-xlsx'] : [])] : [];
  const r = spawnSync(process.execPath, [join(root, 'bench', 'node-floor.mjs'), input, out, ...extra], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node floor exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

const ours = runOurs();
const duck = values['skip-duckdb'] ? null : runDuck();
const floor = duck ? runFloor(false) : null;
const floorFiles = duck ? runFloor(true) : null;
const line = (name, r) =>
  `| ${name.padEnd(34)} | ${(r.ms / 1000).toFixed(2).padStart(8)} | ${Math.round(rows / (r.ms / 1000)).toLocaleString('en').padStart(9)} | ${String(r.peakRssMb).padStart(6)} |`;
console.log(`\n${rows.toLocaleString('en')} rows, seed ${seed}, ${process.platform} ${process.arch}, node ${process.version}`);
console.log('| run                                | wall s   | rows/s    | RSS MB |');
console.log('|------------------------------------|----------|-----------|--------|');
console.log(line(values['no-xlsx'] ? 'umkm-clean clean --no-xlsx' : 'umkm-clean clean (every output)', ours));
if (duck) console.log(line('DuckDB dedup by NIK (bare)', duck));
if (floor) console.log(line('same dedup in plain Node (floor)', floor));
if (floorFiles) console.log(line(values['no-xlsx'] ? 'plain Node, our files, no xlsx' : 'plain Node, our submission files', floorFiles));
if (duck) console.log(`ours/DuckDB wall ratio: ${(ours.ms / duck.ms).toFixed(2)}`);
if (floor) console.log(`plain Node/DuckDB: ${(floor.ms / duck.ms).toFixed(2)}; ours/plain Node: ${(ours.ms / floor.ms).toFixed(2)}`);
if (floorFiles) {
  console.log(`plain Node writing our submission files/DuckDB: ${(floorFiles.ms / duck.ms).toFixed(2)}; ours/that: ${(ours.ms / floorFiles.ms).toFixed(2)}`);
}
const t = ours.summary.timings_ms;
const m = ours.summary.peak_rss_mb_by_phase;
const th = ours.summary.threads;
console.log(
  `our phases (ms): sniff ${t.sniff}, scan ${t.scan}, match ${t.match}, write ${t.write}; passes ${ours.summary.passes}; ` +
    `candidate pairs ${ours.summary.matching.candidate_pairs}, possible duplicates ${ours.summary.matching.possible_duplicates}`,
);
if (m) console.log(`our peak RSS (MB) at the end of: scan ${m.scan}, match ${m.match}, write ${m.write}; threads: scan ${th?.scan}, match ${th?.match}`);
