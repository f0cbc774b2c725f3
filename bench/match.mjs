/**
 * npm run bench:match — pairwise precision, recall and F1 of the duplicate finder on FEBRL 1-3
 * (../shared/corpora/dedup) and on the project's two seeded Indonesian generators, written apart
 * (src/synth/generate.ts and src/synth/second-generator.ts): report both, tune on neither alone.
 *
 * Predicted pairs are what the tool would flag: rows sharing an id (exact dedup) plus probable
 * duplicates under different ids, closed transitively into clusters.
 */
import { join, resolve, dirname } from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findPossibleDuplicates } from '../dist/engine/fuzzy-matcher.js';
import { GENERIC_PROFILE, NIK_PROFILE } from '../dist/match/compare.js';
import { generateBatch, toMatchRecords } from '../dist/synth/generate.js';
import { generateSecondBatch } from '../dist/synth/second-generator.js';
import { loadFebrl } from './febrl.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpora = resolve(root, '..', 'shared', 'corpora', 'dedup', 'febrl');

function clusterPairs(n, links) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x) => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const [a, b] of links) parent[find(a)] = find(b);
  const groups = new Map();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (!groups.has(r)) groups.set(r, []);
    groups.get(r).push(i);
  }
  const pairs = new Set();
  for (const g of groups.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) pairs.add(`${g[x]}|${g[y]}`);
  return pairs;
}

function truePairs(entity) {
  const by = new Map();
  entity.forEach((e, i) => (by.has(e) ? by.get(e).push(i) : by.set(e, [i])));
  const pairs = new Set();
  for (const g of by.values()) for (let x = 0; x < g.length; x++) for (let y = x + 1; y < g.length; y++) pairs.add(`${g[x]}|${g[y]}`);
  return pairs;
}

export function evaluate(records, entity, profile) {
  const t0 = performance.now();
  const links = [];
  const byId = new Map();
  records.forEach((r, i) => {
    if (r.id === '') return;
    if (byId.has(r.id)) links.push([byId.get(r.id), i]);
    else byId.set(r.id, i);
  });
  const { matches, stats } = findPossibleDuplicates(records, profile);
  for (const m of matches.values()) links.push([m.heldOrd, m.otherOrd]);
  const predicted = clusterPairs(records.length, links);
  const truth = truePairs(entity);
  let tp = 0;
  for (const p of predicted) if (truth.has(p)) tp++;
  const precision = predicted.size ? tp / predicted.size : 1;
  const recall = truth.size ? tp / truth.size : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { records: records.length, truePairs: truth.size, predicted: predicted.size, tp, precision, recall, f1, ms: Math.round(performance.now() - t0), stats, predictedPairs: predicted, matches };
}

function row(name, r) {
  const f = (x) => x.toFixed(4);
  console.log(
    `${name.padEnd(26)} ${String(r.records).padStart(7)} ${String(r.truePairs).padStart(7)} ${String(r.predicted).padStart(8)} ${String(r.tp).padStart(7)}  ${f(r.precision)}  ${f(r.recall)}  ${f(r.f1)} ${String(r.ms).padStart(7)}`,
  );
}

const seed = Number(process.env.SEED ?? 20210520);
console.log('dataset                    records   pairs predicted      tp  precision recall  F1         ms');
for (const n of [1, 2, 3]) {
  const file = join(corpora, `dataset${n}.csv`);
  if (!existsSync(file)) {
    console.log(`FEBRL ${n}: ${file} not found (the corpora live in ../shared beside the repo)`);
    continue;
  }
  const { records, entity } = loadFebrl(file);
  row(`FEBRL ${n}`, evaluate(records, entity, GENERIC_PROFILE));
}
const batch = generateBatch({ rows: 20000, seed });
const { records, entity, hardNegatives } = toMatchRecords(batch);
const r = evaluate(records, entity, NIK_PROFILE);
row(`Indonesian synth (seed ${seed})`, r);
// Hard negatives: household members and namesakes, each a pair of different people built to look alike.
const flagged = new Set([...r.matches.values()].map((m) => [m.held.ref.line, m.other.ref.line].sort((a, b) => a - b).join('|')));
const hit = hardNegatives.filter(([a, b]) => flagged.has([a, b].sort((x, y) => x - y).join('|')));
console.log(`hard negatives (households, namesakes): ${hardNegatives.length} pairs, ${hit.length} flagged`);

// The second generator: its rows go the way the first's do (toMatchRecords: header mapping,
// prepareRow, toMatchRecord, lines counted from 2 under the header). Hard negatives are counted flagged as the
// first's are (a direct match) and in one cluster (what precision counts); the pairs under other
// NIKs by how the NIK went wrong, so a missed shape shows.
const second = generateSecondBatch({ rows: 20000, seed });
const { records: secondRecords, entity: secondEntity } = toMatchRecords(second);
const s2 = evaluate(secondRecords, secondEntity, NIK_PROFILE);
row(`Second synth (seed ${seed})`, s2);
const secondFlagged = new Set([...s2.matches.values()].map((m) => [m.heldOrd, m.otherOrd].sort((a, b) => a - b).join('|')));
const byKind = (pairs, kindOf, counted) => {
  const out = new Map();
  pairs.forEach((pair, i) => {
    const kind = kindOf(pair, i);
    const [n, hits] = out.get(kind) ?? [0, 0];
    out.set(kind, [n + 1, hits + (counted(pair) ? 1 : 0)]);
  });
  return [...out].map(([kind, [n, hits]]) => `${kind} ${hits}/${n}`).join(', ');
};
const negativeKey = ([a, b]) => `${a}|${b}`;
const negativesHit = second.hardNegatives.filter((p) => secondFlagged.has(negativeKey(p))).length;
const negativesClustered = second.hardNegatives.filter((p) => s2.predictedPairs.has(negativeKey(p))).length;
console.log(`hard negatives (second, flagged/all: ${byKind(second.hardNegatives, (_, i) => second.hardNegativeKinds[i], (p) => secondFlagged.has(negativeKey(p)))}): ${second.hardNegatives.length} pairs, ${negativesHit} flagged, ${negativesClustered} in one cluster`);
const duplicatePairs = [...second.duplicateKinds.keys()];
const found = duplicatePairs.filter((k) => s2.predictedPairs.has(k)).length;
console.log(`duplicates under other NIKs (second, found/all: ${byKind(duplicatePairs, (k) => second.duplicateKinds.get(k), (k) => s2.predictedPairs.has(k))}): ${duplicatePairs.length} pairs, ${found} found`);
