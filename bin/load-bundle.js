// Runs dist/bundle/keydata.cjs (scripts/bundle.mjs) with V8's code cache.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';

/** The cache file's header: how much bytecode the command that wrote it had compiled. */
const HEADER_BYTES = 8;

/**
 * The bundle's exports. Compiling its ~7 MB took node ~0.1 s of every command; V8's cache of
 * the code a command compiled skips most of that. The cache is named by the bundle's content
 * (inputs.json's id) and node's version, so it never serves other code, and V8 checks it
 * again (a cache it rejects is not used). It is kept beside the bundle, which bundling
 * replaces whole, or in KEYDATA_CACHE_DIR; where neither can be written there is no cache.
 *
 * `saveCache()`, called once the command is done, writes the cache when there is none, when
 * V8 rejected it, or when this command compiled a fifth more code than the one that wrote it
 * (a printing build after a no-op rebuild or `--version`): making it takes ~30 ms, so it is
 * not remade by every command, and it ends up holding what the widest command compiled.
 */
export function loadBundle(dist, env = process.env) {
  const file = path.join(dist, 'bundle', 'keydata.cjs');
  const { id } = JSON.parse(readFileSync(path.join(dist, 'bundle', 'inputs.json'), 'utf8'));
  const cacheDir = env.KEYDATA_CACHE_DIR || path.dirname(file);
  const cacheFile = path.join(
    cacheDir,
    `keydata-${String(id).slice(0, 16)}-${process.version}-${process.arch}.code-cache`,
  );
  let cached;
  try {
    cached = readFileSync(cacheFile);
  } catch {
    // none yet: this command writes it
  }
  const cachedBytecode = cached && cached.length > HEADER_BYTES ? cached.readDoubleLE(0) : 0;
  const cachedData = cachedBytecode > 0 ? cached.subarray(HEADER_BYTES) : undefined;
  // ASCII only (scripts/bundle.mjs escapes the rest): read as Latin-1, a copy, not a decode.
  const source = readFileSync(file, 'latin1');
  // V8 drops the bytecode of functions unused for a while: in a cold build, the start's (the
  // CLI, planning), so the cache its end wrote lacked them, the no-op rebuild after it
  // compiled them again (0.29-0.31 s instead of 0.22) and the one changed country after that
  // rewrote the cache (1.23-1.25 s instead of 1.11-1.13). Kept, a build's cache holds them.
  // Set before compiling, by every command alike: V8 checks a cache against its flags.
  v8.setFlagsFromString('--no-flush-bytecode');
  // CommonJS's own wrapper: the bundle is a CommonJS module, run as a script.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    { filename: file, cachedData },
  );
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));

  const saveCache = () => {
    const bytecode = v8.getHeapCodeStatistics().bytecode_and_metadata_size;
    if (cachedData && !script.cachedDataRejected && bytecode <= cachedBytecode * 1.2) return;
    try {
      const data = script.createCachedData();
      const header = Buffer.alloc(HEADER_BYTES);
      header.writeDoubleLE(bytecode, 0);
      mkdirSync(cacheDir, { recursive: true });
      // Written whole under another name, then renamed: a command starting meanwhile reads
      // the old cache or the new one, never half of one.
      const part = `${cacheFile}.${process.pid}.part`;
      writeFileSync(part, Buffer.concat([header, data]));
      renameSync(part, cacheFile);
    } catch {
      // A folder keydata cannot write: the next command compiles as this one did.
    }
  };
  return { exports: module.exports, saveCache };
}
