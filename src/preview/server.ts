import { existsSync } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { UserError } from '../errors.js';
import { countryFilePath, type Selection } from '../data/find.js';
import type { Problem } from '../data/problem.js';
import { referenceDirFor } from '../data/reference.js';
import { BUILD_DEFAULTS } from '../commands/options.js';
import {
  type BrowserEnv,
  BrowserSession,
  type BrowserSource,
  resolveBrowserSource,
} from '../pdf/browser-session.js';
import { displayPath, paths } from '../project.js';
import { FONT_FACES, fontPath } from '../render/fonts.js';
import { buildPreview, type PreviewBuild } from './build-preview.js';
import { DEFAULT_PREVIEW_PORT } from './defaults.js';
import { CONTENT_SECURITY_POLICY, problemsPage, reportPage, type BarInfo } from './page.js';
import { Watcher } from './watch.js';

/** What a caller asks of the preview (the CLI's flags, or a test): all but the profile optional. */
export interface PreviewOptions extends Required<Selection> {
  editionsDir?: string;
  /** 0 picks a free port. */
  port?: number;
  browserPath?: string;
  /** The environment's browser variables, passed in by the CLI. */
  env?: BrowserEnv;
  timeoutMs?: number;
  /** What happened, for the CLI to print; the server itself prints nothing. */
  onEvent?: (e: PreviewEvent) => void;
}

/** The preview's options with every default applied. */
export type ResolvedPreviewOptions = Readonly<
  Required<Selection> & {
    editionsDir: string;
    port: number;
    browser: BrowserSource;
    timeoutMs: number;
    onEvent: (e: PreviewEvent) => void;
  }
>;

/** Options, then defaults (the build's print timeout, the preview port), into one read-only object. */
export function resolvePreviewOptions(o: PreviewOptions): ResolvedPreviewOptions {
  return Object.freeze({
    edition: o.edition,
    kind: o.kind,
    country: o.country,
    editionsDir: o.editionsDir ?? paths.editions,
    port: o.port ?? DEFAULT_PREVIEW_PORT,
    browser: resolveBrowserSource({ browserPath: o.browserPath }, o.env),
    timeoutMs: o.timeoutMs ?? BUILD_DEFAULTS.timeoutMs,
    onEvent: o.onEvent ?? (() => {}),
  });
}

export type PreviewEvent =
  | { type: 'changed'; files: string[] }
  /**
   * A build found the data invalid: before it is shown, the result waits until the files it
   * read have been still for a moment (none waits when they were not just saved), and is
   * built again instead if they changed since it read them (a save caught between its
   * truncate and its write).
   */
  | { type: 'held'; files: string[] }
  | { type: 'built'; build: number; result: PreviewBuild };

export interface PreviewServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  port: number;
  /** The number of the latest finished build (0 until the first one ends). */
  readonly build: number;
  /** Resolves when the build after the latest change (or the first build) is done. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export { DEFAULT_PREVIEW_PORT };

/**
 * Serves one country's laid-out pages on 127.0.0.1, rebuilt whenever a data file (of any
 * edition: inherited sections count), a template, a style or a reference file is saved;
 * open pages reload themselves (Server-Sent Events). Invalid data shows its problems in the
 * page; the server keeps running. Routes: / (the pages), /events, /<country>.pdf, /fonts/N.ttf.
 */
export async function startPreview(request: PreviewOptions): Promise<PreviewServer> {
  const options = resolvePreviewOptions(request);
  const { editionsDir } = options;
  const file = await existingDataFile(options);
  const session = new BrowserSession(options.browser);
  await session.browser();
  const pdfName = `${options.country}.pdf`;
  const { timeoutMs } = options;

  let build = 0;
  let latest: PreviewBuild | undefined;
  let building: Promise<void> | undefined;
  let again = false;
  let closed = false;
  // The files saved since the last build started (the previewed file is always looked at).
  let saved = new Set<string>();
  // Compiled templates are kept between builds unless a template is saved (or at the start).
  let templatesChanged = true;
  const clients = new Set<ServerResponse>();

  const announce = () => {
    for (const res of clients) res.write(`event: build\ndata: ${build}\n\n`);
  };
  const rebuild = (): Promise<void> => {
    if (building) {
      again = true;
      return building;
    }
    building = (async () => {
      do {
        again = false;
        const recompile = templatesChanged;
        templatesChanged = false;
        const watched = [file, ...saved];
        saved = new Set();
        const before = await stamps(watched);
        const result = await buildPreview(file, session, displayPath, timeoutMs, recompile);
        if (closed) return;
        if (result.kind === 'invalid') {
          options.onEvent({ type: 'held', files: watched });
          const changedSince = await stillWritten(watched, before, () => again || closed);
          if (closed) return;
          if (changedSince || again) {
            again = true;
            continue;
          }
        }
        latest = result;
        build++;
        options.onEvent({ type: 'built', build, result });
        announce();
      } while (again && !closed);
    })().finally(() => {
      building = undefined;
    });
    return building;
  };

  const watcher = new Watcher(
    [editionsDir, referenceDirFor(file), paths.templates, paths.styles],
    (files) => {
      // An editor's temporary file is gone by now: name the files that were saved.
      const kept = files.filter((f) => existsSync(f));
      for (const f of kept) saved.add(f);
      options.onEvent({ type: 'changed', files: kept.length > 0 ? kept : files });
      if (files.some((f) => isInside(f, paths.templates))) templatesChanged = true;
      void rebuild();
    },
  );

  const state: PreviewState = {
    options,
    pdfName,
    clients,
    build: () => build,
    latest: () => latest,
  };
  const server = createServer((req, res) => void handleOrFail(state, server, req, res));
  try {
    await listen(server, options.port);
  } catch (err) {
    watcher.close();
    await session.close();
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  void rebuild();

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    get build() {
      return build;
    },
    settled: async () => {
      while (building) await building;
    },
    close: async () => {
      closed = true;
      watcher.close();
      for (const res of clients) res.end();
      clients.clear();
      await new Promise<void>((resolve) => closeServer(server, resolve));
      await building?.catch(() => undefined);
      await session.close();
    },
  };
}

const isInside = (file: string, dir: string) => !path.relative(dir, file).startsWith('..');

/**
 * How long the files must have been still before invalid data is shown. A save is a
 * truncate then a write; the watcher (50 ms settle) can fire between the two on a loaded
 * machine, and the build then reads an empty or half-written file. Data that is really
 * invalid is shown this much after its save at most: its build already took part of it.
 */
const STILL_MS = 200;
/** A file written without pause for this long is shown as it is. */
const HOLD_LIMIT_MS = 2_000;

/** Each file's size and modification time, or null where it cannot be read (removed). */
async function stamps(files: readonly string[]): Promise<(string | null)[]> {
  return Promise.all(
    files.map((f) =>
      stat(f).then(
        (s) => `${s.size}:${s.mtimeMs}`,
        () => null,
      ),
    ),
  );
}

/**
 * Waits until none of the files has changed for STILL_MS (by their modification times), or
 * `stop` holds; says whether any changed since `before` was taken (before the build read them).
 */
async function stillWritten(
  files: readonly string[],
  before: readonly (string | null)[],
  stop: () => boolean,
): Promise<boolean> {
  const until = Date.now() + HOLD_LIMIT_MS;
  for (;;) {
    const times = await Promise.all(
      files.map((f) =>
        stat(f).then(
          (s) => s.mtimeMs,
          () => 0,
        ),
      ),
    );
    const quietFor = Date.now() - Math.max(...times);
    if (quietFor >= STILL_MS || Date.now() >= until || stop()) break;
    await new Promise((r) => setTimeout(r, Math.min(STILL_MS - quietFor, until - Date.now())));
  }
  const after = await stamps(files);
  return after.some((s, i) => s !== before[i]);
}

function closeServer(server: Server, done: () => void): void {
  server.close(() => done());
  server.closeAllConnections();
}

/** What the request handler reads of a running preview. */
interface PreviewState {
  options: ResolvedPreviewOptions;
  pdfName: string;
  clients: Set<ServerResponse>;
  build: () => number;
  latest: () => PreviewBuild | undefined;
}

/** The page for the latest build: the laid-out report, or the problems, under the bar. */
function previewPage(state: PreviewState): string {
  const { options, pdfName } = state;
  const build = state.build();
  const latest = state.latest();
  const info = (warnings: readonly Problem[], detail: string, status?: string): BarInfo => ({
    title:
      latest?.kind === 'ok'
        ? latest.title
        : `${options.country}: ${options.kind} ${options.edition}`,
    status,
    detail,
    pdfName: latest?.kind === 'ok' ? pdfName : undefined,
    warnings,
  });
  if (!latest) return problemsPage(build, info([], 'building…'), 'Building the pages…', []);
  const when = `build ${build}, ${(latest.ms / 1000).toFixed(1)} s`;
  if (latest.kind === 'invalid') {
    const errors = latest.problems.filter((p) => p.severity === 'error').length;
    return problemsPage(
      build,
      info([], when),
      `The data has ${errors} error${errors === 1 ? '' : 's'}`,
      latest.problems,
    );
  }
  if (latest.kind === 'failed')
    return problemsPage(
      build,
      info([], when),
      'The pages could not be made',
      latest.problems,
      latest.message,
    );
  return reportPage(
    latest.laidOutHtml,
    build,
    info(latest.warnings, `${latest.pages} pages, ${when}`, latest.status),
  );
}

const NO_STORE = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** Answers one request: /, /events, /<country>.pdf, /fonts/N.ttf; only from this machine. */
async function handle(
  state: PreviewState,
  server: Server,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const port = (server.address() as AddressInfo).port;
  // Only this machine's own names: a page elsewhere cannot reach the server through DNS rebinding.
  if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(req.headers.host ?? '')) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('forbidden\n');
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res
      .writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
      .end('method not allowed\n');
    return;
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const head = req.method === 'HEAD';
  const latest = state.latest();
  const { pdfName } = state;
  if (url.pathname === '/') {
    res.writeHead(200, {
      ...NO_STORE,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    res.end(head ? undefined : previewPage(state));
  } else if (url.pathname === '/events') {
    res.writeHead(200, {
      ...NO_STORE,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write(`retry: 500\nevent: build\ndata: ${state.build()}\n\n`);
    state.clients.add(res);
    req.on('close', () => state.clients.delete(res));
  } else if (url.pathname === `/${pdfName}` && latest?.kind === 'ok') {
    // Printed on the first download of this build: a failure answers 500 before any header.
    const pdf = head ? undefined : await latest.pdf();
    res.writeHead(200, {
      ...NO_STORE,
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pdfName}"`,
    });
    res.end(pdf);
  } else if (url.pathname === '/favicon.ico') {
    res.writeHead(204, NO_STORE).end();
  } else if (!(await serveFont(url.pathname, head, res))) {
    res
      .writeHead(404, { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' })
      .end(url.pathname === `/${pdfName}` ? 'no PDF: the data has errors\n' : 'not found\n');
  }
}

/** /fonts/N.ttf: the report's fonts, which the laid-out page links to. False when not a font. */
async function serveFont(pathname: string, head: boolean, res: ServerResponse): Promise<boolean> {
  const font = /^\/fonts\/(\d+)\.ttf$/.exec(pathname);
  const face = font ? FONT_FACES[Number(font[1])] : undefined;
  if (!face) return false;
  res.writeHead(200, {
    'Content-Type': 'font/ttf',
    'Cache-Control': 'max-age=3600',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(head ? undefined : await readFile(fontPath(face.file)));
  return true;
}

/** Listens on 127.0.0.1; a port in use is a usage error naming the way out. */
async function listen(server: Server, wanted: number): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(wanted, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UserError(
        `port ${wanted} is in use: give another with --port (0 picks a free one)`,
        2,
        { cause: err },
      );
    throw err;
  }
}

/** The profile's data file, or a usage error naming the flags to check. */
async function existingDataFile(options: ResolvedPreviewOptions): Promise<string> {
  const { editionsDir, edition, kind, country } = options;
  const file = countryFilePath(editionsDir, edition, kind, country);
  const exists = await access(file).then(
    () => true,
    () => false,
  );
  if (!exists)
    throw new UserError(
      `${displayPath(file)}: no such file (check --edition, --report and --country)`,
    );
  return file;
}

/** A request that fails answers 500 with the reason; the server goes on. */
async function handleOrFail(
  state: PreviewState,
  server: Server,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    await handle(state, server, req, res);
  } catch (err) {
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`keydata preview: ${(err as Error)?.message ?? String(err)}\n`);
  }
}
