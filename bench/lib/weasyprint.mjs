// WeasyPrint on the same laid-out HTML, for comparison only: it is not a dependency
// (Debian: apt-get install weasyprint). Each document is a fresh `weasyprint` process, as a
// script printing one report at a time would run it.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** WeasyPrint's version, or undefined when it is not on PATH. */
export async function weasyprintVersion() {
  try {
    const { stdout } = await run('weasyprint', ['--version']);
    return stdout.trim();
  } catch {
    return undefined;
  }
}

/** Milliseconds and pages per document. */
export async function measureWeasyprint(dir, rows) {
  const results = [];
  for (const [i, r] of rows.entries()) {
    const html = path.join(dir, `weasy-${i}.html`);
    const pdf = path.join(dir, `weasy-${i}.pdf`);
    await writeFile(html, r.html);
    const t = performance.now();
    await run('weasyprint', ['--quiet', html, pdf], { maxBuffer: 64 * 2 ** 20 });
    const ms = performance.now() - t;
    const { stdout } = await run('pdfinfo', [pdf]).catch(() => ({ stdout: '' }));
    results.push({ ms, pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? Number.NaN) });
  }
  return results;
}
