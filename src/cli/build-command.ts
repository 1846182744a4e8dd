import { MAX_CONCURRENCY, MAX_TIMEOUT_SECONDS, parseWholeNumber } from './whole-number.js';
import path from 'node:path';
import type { Command } from 'commander';
import type { BuildEvent, BuildOptions, Format } from '../commands/build.js';
import { BUILD_DEFAULTS } from '../commands/options.js';
import { parseShard } from '../commands/shard.js';
import { VARIANTS, type Variant } from '../commands/variants.js';
import { UserError } from '../errors.js';
import { PROJECT_ROOT } from '../project.js';
import { reportSummary } from './build-report.js';
import { github as githubAnnotation } from './problem-output.js';
import { Progress, type Verbosity } from './progress.js';
import { parseSelection } from './selection.js';

const FORMATS = ['pdf', 'html', 'csv', 'svg', 'png', 'overview', 'site'] as const;

/** The profiles' formats, and whether the edition overview (an edition output) is asked for. */
function parseFormats(text: string): { formats: Format[]; overview: boolean } {
  const formats = text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || formats.length === 0)
    throw new UserError(`--formats: unknown '${unknown.join(', ')}'; known: ${FORMATS.join(', ')}`);
  return {
    formats: formats.filter((f) => f !== 'overview') as Format[],
    overview: formats.includes('overview'),
  };
}

function parseVariants(text: string): Variant[] {
  const variants = [
    ...new Set(
      text
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  const unknown = variants.filter((v) => !(VARIANTS as readonly string[]).includes(v));
  if (unknown.length || variants.length === 0)
    throw new UserError(
      `--variant: unknown '${unknown.join(', ')}'; known: ${VARIANTS.join(', ')}`,
    );
  return variants as Variant[];
}

function parsePositive(flag: string, text: string | undefined): number | undefined {
  const max = flag === '--timeout' ? MAX_TIMEOUT_SECONDS : MAX_CONCURRENCY;
  return parseWholeNumber(flag, text, { min: 1, max, unit: flag === '--timeout' ? 'seconds' : '' });
}

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const seconds = (s: number | undefined) => (s === undefined ? undefined : s * 1000);

export function registerBuild(program: Command, setCode: (c: number) => void): void {
  program
    .command('build')
    .description('build PDF reports from the data under data/editions')
    .option('--edition <year>', 'the edition to build')
    .option('--report <kind>', 'only this report kind')
    .option('--country <slug>', 'only this country (the data file name without .yaml)')
    .option('--all', 'build every edition and report kind under data/')
    .option(
      '--data <dir>',
      'folder holding editions/<year>/<kind>/, relative to the project root (default: data/)',
    )
    .option('--out <dir>', 'output folder, relative to the project root (default: output/)')
    .option(
      '--formats <list>',
      `comma-separated output formats: pdf, html, csv (each table), svg and png (each chart), overview (the edition overview as CSV and JSON), site (the edition as a web site in <edition>/site/) (default: ${BUILD_DEFAULTS.formats.join(',')})`,
    )
    .option(
      '--variant <list>',
      `PDF variants: screen (published: tagged, linked, RGB), print (for the printer: <country>.print.pdf, CMYK, bleed, crop marks), or screen,print (default: ${BUILD_DEFAULTS.variants.join(',')})`,
    )
    .option(
      '--final',
      'build only profiles marked status: final; refuse drafts and those in review',
    )
    .option('--concurrency <n>', 'pages printing at once (default: the number of cores, at most 4)')
    .option('--force', 'rebuild even when inputs are unchanged')
    .option('--prune', 'remove outputs of countries no longer in the data')
    .option(
      '--volume',
      'also build each report kind of the edition as one book: <kind>-<edition>.pdf',
    )
    .option('--shard <i/n>', 'build only shard I of N (a stable partition, for a CI matrix)')
    .option(
      '--timeout <seconds>',
      `abandon and retry once a print that takes longer (default: ${BUILD_DEFAULTS.timeoutMs / 1000})`,
    )
    .option(
      '--browser <path>',
      'Chromium or Chrome to print with (default: PUPPETEER_EXECUTABLE_PATH, then a system browser)',
    )
    .option(
      '--browser-ws-endpoint <url>',
      'connect to a running Chromium (default: KEYDATA_BROWSER_WS_ENDPOINT)',
    )
    .option(
      '--volume-only',
      'build only the volumes (--volume) from the data, without printing the country PDFs',
    )
    .option('--strict', 'fail (exit 1) when any profile has warnings')
    .option('--format <format>', 'how to print problems: text (FILE:LINE:COL) or github', 'text')
    .option('--watch', 'build, then build again whenever data, a template or a style is saved')
    .option('--quiet', 'print only problems, failures and the summary')
    .option('--verbose', 'print warnings, skipped profiles and timings')
    .action((opts: BuildFlags) => runBuild(opts, setCode));
}

type BuildFlags = Record<string, string | boolean | undefined>;

/** The build command's flags as the options of a build (parsed and checked, no defaults). */
export function parseBuildFlags(opts: BuildFlags): BuildOptions {
  const selection = parseSelection(opts);
  if (selection.edition === undefined && !opts.all) {
    throw new UserError('say which edition to build (--edition 2025), or --all');
  }
  const text = (flag: string | boolean | undefined) =>
    typeof flag === 'string' ? flag : undefined;
  const out = text(opts.out);
  const data = text(opts.data);
  const formats = text(opts.formats);
  const variants = text(opts.variant);
  const shard = text(opts.shard);
  return {
    ...selection,
    outDir: out === undefined ? undefined : path.resolve(PROJECT_ROOT, out),
    editionsDir:
      data === undefined ? undefined : path.join(path.resolve(PROJECT_ROOT, data), 'editions'),
    ...(formats === undefined ? {} : parseFormats(formats)),
    variants: variants === undefined ? undefined : parseVariants(variants),
    concurrency: parsePositive('--concurrency', text(opts.concurrency)),
    force: Boolean(opts.force),
    prune: Boolean(opts.prune),
    volume: Boolean(opts.volume),
    volumeOnly: Boolean(opts.volumeOnly),
    final: Boolean(opts.final),
    shard: shard === undefined ? undefined : parseShard(shard),
    timeoutMs: seconds(parsePositive('--timeout', text(opts.timeout))),
    browserPath: text(opts.browser),
    browserWsEndpoint: text(opts.browserWsEndpoint),
  };
}

/** How the build prints problems and progress, from --quiet/--verbose and --format. */
function progressFactory(opts: BuildFlags): { verbosity: Verbosity; make: () => Progress } {
  const verbosity: Verbosity = opts.quiet ? 'quiet' : opts.verbose ? 'verbose' : 'normal';
  if (opts.format !== 'text' && opts.format !== 'github')
    throw new UserError(`--format expects one of text, github, got '${String(opts.format)}'`);
  const github = opts.format === 'github';
  return {
    verbosity,
    make: () =>
      new Progress(
        verbosity,
        process.stderr,
        process.env,
        github ? githubAnnotation : undefined,
        github ? process.stdout : process.stderr,
      ),
  };
}

/** Builds with progress on the terminal (again on every save with --watch); Ctrl-C finishes the profiles in progress. */
async function runBuild(opts: BuildFlags, setCode: (c: number) => void): Promise<void> {
  const request = parseBuildFlags(opts);
  const { verbosity, make } = progressFactory(opts);
  const strict = Boolean(opts.strict);
  // --watch starts a fresh progress display for each round.
  let progress = make();
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(130);
    process.stderr.write(
      '\ninterrupted: finishing the profiles in progress (Ctrl-C again to stop now)\n',
    );
    abort.abort();
  };
  // SIGTERM (CI cancelling a job, systemd) and SIGHUP (a closed terminal) stop a build
  // the way Ctrl-C does.
  for (const signal of STOP_SIGNALS) process.on(signal, onSigint);
  const options = {
    ...request,
    env: process.env,
    signal: abort.signal,
    onEvent: (e: BuildEvent) => progress.handle(e),
  };
  try {
    if (opts.watch) {
      // Loaded only for --watch: the templates and Handlebars are not a build's to load up front.
      const { watchBuilds } = await import('../preview/watch-build.js');
      await watchBuilds(options, (e) => {
        if (e.type === 'build') progress = make();
        else if (e.type === 'built') {
          progress.finish();
          reportSummary(e.summary, verbosity, strict);
        } else if (e.type === 'error') process.stderr.write(`keydata: ${e.error.message}\n`);
        else process.stderr.write('watching data, templates and styles (Ctrl-C to stop)\n');
      });
      return;
    }
    const { buildEdition } = await import('../commands/build.js');
    const summary = await buildEdition(options);
    progress.finish();
    const code = reportSummary(summary, verbosity, strict);
    setCode(abort.signal.aborted ? 130 : code);
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSigint);
  }
}
