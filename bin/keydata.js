#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` so it starts without a TS
// loader, and bundled (scripts/bundle.mjs) so it starts without resolving and reading
// ~500 modules; the bundle runs only while it is as current as dist/ (bundle-fresh.js).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from './bundle-fresh.js';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { main } = await import(
  bundleIsFresh(dist) ? '../dist/bundle/main.js' : '../dist/cli/main.js'
);
process.exitCode = await main(process.argv.slice(2));
