#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` so it starts without a TS
// loader, and bundled (scripts/bundle.mjs) so it starts without resolving, reading and
// compiling ~500 modules. The bundle runs only while it is as current as dist/
// (bundle-fresh.js), and where node can require the layout pass's ES modules from it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from './bundle-fresh.js';
import { loadBundle } from './load-bundle.js';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const args = process.argv.slice(2);

/** The bundle, when it is current and loads; dist/ itself runs otherwise (the same code). */
function bundled() {
  if (!process.features.require_module || !bundleIsFresh(dist)) return undefined;
  try {
    return loadBundle(dist);
  } catch {
    // A bundle folder damaged by hand (its script gone): dist/ is as current.
    return undefined;
  }
}

const bundle = bundled();
if (bundle) {
  process.exitCode = await bundle.exports.main(args);
  bundle.saveCache();
} else {
  const { main } = await import('../dist/cli/main.js');
  process.exitCode = await main(args);
}
