#!/usr/bin/env node
// Thin shim: all work lives in the built entry, so tests can import it without spawning.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
