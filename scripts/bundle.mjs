#!/usr/bin/env node
/**
 * `npm run build`'s second step: the compiled CLI (dist/) and the packages it imports, bundled
 * into one script, dist/bundle/keydata.cjs (esbuild), which bin/keydata.js runs while it is
 * current, with V8's code cache (bin/load-bundle.js).
 *
 * Why: a one-country rebuild loaded ~500 modules (puppeteer-core 125, zod 95, keydata's own
 * ~210) and node spent ~0.4 s resolving, reading and compiling them, on the critical path
 * (README: Performance). One script is read once, and its compiled code is cached: CommonJS
 * rather than ES modules because node 20 caches code only for a script (vm.Script). The
 * modules keep their lazy loading: the bundle runs a module's code when it is first imported,
 * so a no-op rebuild still runs no renderer, browser or pdf-lib code.
 *
 * What the bundle keeps as it was:
 * - `import.meta.url` is each module's own file (project.ts finds the project root from it,
 *   inputs.ts the code it hashes), rewritten relative to the bundle's folder.
 * - The layout pass (dist/pdf/layout/) is not bundled: it is sent to the page as its
 *   functions' source, joined by name, which a bundler may rename; the bundle requires it
 *   (an ES module: node >= 20.19 requires those; older nodes run dist/ itself).
 * - Packages that find files beside themselves at run time (node-canvas's binary,
 *   chartjs-node-canvas loading Chart.js, subset-font's WebAssembly, puppeteer's download
 *   cache) load from node_modules.
 *
 * dist/bundle/inputs.json, written last, lists every bundled file with its size and time,
 * and names the bundle's content (its SHA-256, which names its code cache):
 * bin/bundle-fresh.js runs the bundle only while every input still matches, so a `tsc` alone
 * or an `npm install` after it never runs stale code (the CLI runs dist/ itself then).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outDir = path.join(dist, 'bundle');
const layoutDir = path.join(dist, 'pdf', 'layout') + path.sep;
const EXTERNAL = ['canvas', 'chartjs-node-canvas', 'chart.js', 'subset-font', 'puppeteer'];

/** Where a file is, as a URL relative to the bundle's folder. */
const fromBundle = (file) => path.relative(outDir, file).split(path.sep).join('/');
/** The bundle's own file URL, in a CommonJS script. */
const BUNDLE_URL = 'require("node:url").pathToFileURL(__filename)';

const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.(m?js|cjs)$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta')) return undefined;
      const contents = source.replaceAll(
        'import.meta.url',
        `new URL(${JSON.stringify(fromBundle(args.path))}, ${BUNDLE_URL}).href`,
      );
      // Anything else of import.meta (dirname, resolve) would describe the bundle's file.
      if (/import\.meta(?!\.url\b)(?=\W)/.test(contents))
        throw new Error(`${args.path}: import.meta other than .url cannot be bundled as is`);
      return { contents, loader: 'js' };
    });
  },
};

const layoutApart = {
  name: 'layout-apart',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      const target = path.resolve(args.resolveDir, args.path);
      if (!target.startsWith(layoutDir) || args.importer.startsWith(layoutDir)) return undefined;
      return { path: fromBundle(target), external: true };
    });
  },
};

const building = path.join(dist, `bundle.${process.pid}.tmp`);
await rm(building, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: { keydata: path.join(dist, 'cli', 'main.js') },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.cjs' },
  outdir: building,
  external: EXTERNAL,
  // import() becomes require() (of the bundle's own modules, or of a package): a script run
  // through vm.Script may import() only with an experimental loader option.
  supported: { 'dynamic-import': false },
  metafile: true,
  logLevel: 'error',
  plugins: [keepModuleUrls, layoutApart],
});
const inputs = [];
for (const file of Object.keys(result.metafile.inputs).sort()) {
  const abs = path.resolve(root, file);
  const s = await stat(abs);
  // A file written while esbuild read the others (a compile running beside this) could be
  // in the bundle as it was and listed as it is now: a stale bundle taken for a current one.
  if (s.mtimeMs >= started) {
    await rm(building, { recursive: true, force: true });
    process.stderr.write(`bundle: ${file} changed while it was bundled: run npm run build again\n`);
    process.exit(1);
  }
  inputs.push([path.relative(dist, abs), s.size, s.mtimeMs]);
}
// Every character outside ASCII as a \u escape (esbuild leaves some in regular expressions
// and comments), so the launcher reads the script as Latin-1, a plain copy: decoding 7 MB of
// UTF-8 took ~25 ms of every command. The same program: a \u escape means its character in
// strings, templates, regular expressions and identifiers (none of it is read raw).
const bundled = path.join(building, 'keydata.cjs');
const text = await readFile(bundled, 'utf8');
if (/\\[^\x00-\x7f]/.test(text)) {
  process.stderr.write(
    'bundle: a non-ASCII character escaped by a backslash cannot be rewritten\n',
  );
  process.exit(1);
}
const script = text.replace(
  /[^\x00-\x7f]/g,
  (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
);
await writeFile(bundled, script);
const id = createHash('sha256').update(script).digest('hex');
await writeFile(path.join(building, 'inputs.json'), `${JSON.stringify({ id, inputs })}\n`);
await rm(outDir, { recursive: true, force: true });
await mkdir(dist, { recursive: true });
await rename(building, outDir);
process.stderr.write(`bundled ${inputs.length} modules into ${path.relative(root, outDir)}/\n`);
