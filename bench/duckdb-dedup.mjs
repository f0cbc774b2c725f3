/**
 * The baseline: DuckDB's bare dedup of the same file, in its own process. Keeps the first row per
 * NIK in input order (all columns as text) and writes CSV. Prints its wall time and peak RSS.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [input, output] = process.argv.slice(2);
const started = performance.now();
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const con = await db.connect();
const q = (s) => `'${s.replace(/'/g, "''")}'`;
await con.run(`CREATE TABLE t AS SELECT row_number() OVER () AS rn, * FROM read_csv(${q(input)}, all_varchar = true, header = true)`);
await con.run(
  `COPY (SELECT * EXCLUDE (rn) FROM t QUALIFY row_number() OVER (PARTITION BY "NIK" ORDER BY rn) = 1 ORDER BY rn) TO ${q(output)} (HEADER, DELIMITER ',')`,
);
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
