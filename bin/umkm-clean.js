#!/usr/bin/env node
// Thin shim: all work lives in the built entry, so tests can import it without spawning. A stop
// asked for while the modules load (Ctrl+C, SIGTERM, a closing terminal) still ends the way the
// run would: a message, no output changed, and 128 + the signal's number (130, 143, 129).
const CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
let stoppedBy = null;
const early = (signal) => {
  stoppedBy ??= signal;
};
for (const signal of Object.keys(CODES)) process.once(signal, early);
const { main } = await import('../dist/cli/main.js');
for (const signal of Object.keys(CODES)) process.removeListener(signal, early);
if (stoppedBy) {
  // Said in both languages: --lang has not been read yet.
  process.stderr.write('umkm-clean: Dihentikan / stopped. Tidak ada berkas hasil yang diubah.\n');
  process.exitCode = CODES[stoppedBy];
} else {
  process.exitCode = await main(process.argv.slice(2));
}
