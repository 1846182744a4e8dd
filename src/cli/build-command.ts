import path from 'node:path';
import type { Command } from 'commander';
import { build, type BuildResult } from '../build/build.js';
import { UserError } from '../errors.js';
import { formatProblem } from '../data/problem.js';
import { displayPath, PROJECT_ROOT } from '../project.js';
import { parseSelection } from './selection.js';

const FORMATS = ['pdf', 'html'] as const;

function printResult(r: BuildResult): void {
  for (const p of r.problems) process.stderr.write(`${formatProblem(p)}\n`);
  const name = `${r.country.edition}/${r.country.kind}/${r.country.country}`;
  const secs = (r.ms / 1000).toFixed(2);
  if (r.status === 'built') {
    process.stdout.write(`built   ${name} -> ${r.outputs.map(displayPath).join(', ')} (${secs} s)\n`);
  } else {
    process.stdout.write(`FAILED  ${name}: ${r.error ?? 'unknown error'}\n`);
  }
}

export function registerBuild(program: Command, setCode: (c: number) => void): void {
  program
    .command('build')
    .description('build PDF reports from the data under data/editions')
    .option('--edition <year>', 'the edition to build')
    .option('--report <kind>', 'only this report kind')
    .option('--country <slug>', 'only this country (the data file name without .yaml)')
    .option('--all', 'build every edition and report kind under data/')
    .option('--out <dir>', 'output folder, relative to the project root (default: output/)')
    .option('--formats <list>', 'comma-separated output formats: pdf, html', 'pdf')
    .option('--browser <path>', 'Chromium or Chrome to print with (default: PUPPETEER_EXECUTABLE_PATH, then a system browser)')
    .action(async (opts: Record<string, string | boolean | undefined>) => {
      const selection = parseSelection(opts);
      if (selection.edition === undefined && !opts.all) {
        throw new UserError('say which edition to build (--edition 2025), or --all');
      }
      const formats = String(opts.formats)
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean);
      const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
      if (unknown.length) throw new UserError(`--formats: unknown ${unknown.join(', ')}; known: ${FORMATS.join(', ')}`);
      const results = await build({
        ...selection,
        outDir: typeof opts.out === 'string' ? path.resolve(PROJECT_ROOT, opts.out) : undefined,
        formats: formats as (typeof FORMATS)[number][],
        browserPath: typeof opts.browser === 'string' ? opts.browser : undefined,
        envBrowserPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined,
        onResult: printResult,
      });
      const failed = results.filter((r) => r.status === 'failed').length;
      process.stdout.write(`${results.length - failed} built, ${failed} failed\n`);
      setCode(failed > 0 ? 1 : 0);
    });
}
