/**
 * npm run test:nightly — the property and fault suites with many more cases than CI runs.
 * Plain Node so it works the same from cmd.exe, PowerShell and bash.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const vitest = require.resolve('vitest/vitest.mjs');
const env = { ...process.env, PROPERTY_RUNS: process.env.PROPERTY_RUNS ?? '2000', KILL_RUNS: process.env.KILL_RUNS ?? '300' };
const r = spawnSync(process.execPath, [vitest, 'run', 'test/property', 'test/e2e/faults.test.ts'], { stdio: 'inherit', env });
process.exitCode = r.status ?? 1;
