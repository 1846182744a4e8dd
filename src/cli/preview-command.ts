import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { UserError } from '../errors.js';
import { formatProblem } from '../data/problem.js';
import { displayPath, PROJECT_ROOT } from '../project.js';
import { DEFAULT_PREVIEW_PORT } from '../preview/defaults.js';
import type { PreviewEvent } from '../preview/server.js';
import { parseSelection } from './selection.js';

const clock = () => new Date().toTimeString().slice(0, 8);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One line per event, for the terminal the preview was started from. */
export function previewEventLine(e: Exclude<PreviewEvent, { type: 'held' }>): string {
  if (e.type === 'changed') {
    const shown = e.files.slice(0, 3).map(displayPath).join(', ');
    return `${clock()} changed: ${shown}${e.files.length > 3 ? ` and ${e.files.length - 3} more` : ''}`;
  }
  const r = e.result;
  const secs = `${(r.ms / 1000).toFixed(1)} s`;
  if (r.kind === 'ok') {
    const warnings = r.warnings.length ? `, ${plural(r.warnings.length, 'warning')}` : '';
    return `${clock()} build ${e.build}: ${plural(r.pages, 'page')} in ${secs}${warnings}`;
  }
  if (r.kind === 'invalid') {
    const errors = r.problems.filter((p) => p.severity === 'error');
    return [
      `${clock()} build ${e.build}: ${plural(errors.length, 'error')} in the data (shown in the page)`,
      ...errors.map((p) => `  ${formatProblem(p)}`),
    ].join('\n');
  }
  return `${clock()} build ${e.build}: the pages could not be made: ${r.message}`;
}

function parsePort(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 65535)
    throw new UserError(`--port expects a port number (0 picks a free one), got '${text}'`);
  return n;
}

export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description(
      "serve one country's laid-out pages on 127.0.0.1, rebuilt and reloaded whenever a data file, template or style is saved",
    )
    .requiredOption('--edition <year>', 'the edition')
    .option('--report <kind>', 'the report kind')
    .option('--country <slug>', 'the country (the data file name without .yaml)')
    .option(
      '--site',
      "serve the edition's built web site (build --formats site first) with the PDFs it links, instead of one country",
    )
    .option(
      '--out <dir>',
      'with --site: the output folder, relative to the project root (default: output/)',
    )
    .option('--port <n>', `port on 127.0.0.1 (default ${DEFAULT_PREVIEW_PORT}; 0 picks a free one)`)
    .option(
      '--data <dir>',
      'folder holding editions/<year>/<kind>/, relative to the project root (default: data/)',
    )
    .option(
      '--browser <path>',
      'Chromium or Chrome to lay out with (default: PUPPETEER_EXECUTABLE_PATH, then a system browser)',
    )
    .action(async (opts: Record<string, string | undefined>) => {
      if (opts.site) {
        await serveBuiltSite(opts);
        return;
      }
      const selection = parseSelection(opts);
      const { edition, kind, country } = selection;
      if (edition === undefined || kind === undefined || country === undefined)
        throw new UserError('give --edition, --report and --country');
      const { startPreview } = await import('../preview/server.js');
      const server = await startPreview({
        edition,
        kind,
        country,
        port: parsePort(opts.port),
        ...(opts.data
          ? { editionsDir: path.join(path.resolve(PROJECT_ROOT, opts.data), 'editions') }
          : {}),
        browserPath: opts.browser,
        env: process.env,
        // A held build is a moment's wait, followed by a build line: nothing to say yet.
        onEvent: (e) => {
          if (e.type !== 'held') process.stderr.write(`${previewEventLine(e)}\n`);
        },
      });
      process.stdout.write(`preview: ${server.url}  (Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await server.close();
      process.stderr.write('preview stopped\n');
    });
}

/** Resolves on Ctrl-C or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `preview --site`: the built edition folder, served as a static host would serve it. */
async function serveBuiltSite(opts: Record<string, string | undefined>): Promise<void> {
  const { edition } = parseSelection(opts);
  if (edition === undefined) throw new UserError('give --edition');
  const out = path.resolve(PROJECT_ROOT, opts.out ?? 'output');
  const root = path.join(out, String(edition));
  const index = path.join(root, 'site', 'index.html');
  try {
    await access(index);
  } catch {
    throw new UserError(
      `${displayPath(index)} is not built: run keydata build --edition ${edition} --formats pdf,site first`,
    );
  }
  const { serveSite } = await import('../preview/site-server.js');
  const server = await serveSite(root, parsePort(opts.port) ?? DEFAULT_PREVIEW_PORT);
  process.stdout.write(`site: ${server.url}site/  (Ctrl-C to stop)\n`);
  await untilStopped();
  await server.close();
  process.stderr.write('preview stopped\n');
}
