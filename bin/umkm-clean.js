#!/usr/bin/env node
// Thin shim: all work lives in the built entry, so tests can import it without spawning. Ctrl+C
// while the modules load still ends the way the SPEC says: a message and exit 130.
let interruptedEarly = false;
const early = () => {
  interruptedEarly = true;
};
process.once('SIGINT', early);
const { main } = await import('../dist/cli/main.js');
process.removeListener('SIGINT', early);
if (interruptedEarly) {
  process.stderr.write('umkm-clean: Dihentikan / stopped. Tidak ada berkas hasil yang diubah.\n');
  process.exitCode = 130;
} else {
  process.exitCode = await main(process.argv.slice(2));
}
