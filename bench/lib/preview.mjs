// The preview's turnaround: from saving a data file to the reloaded page in a headless
// browser, through the real CLI (`keydata preview`), its watcher, build and reload script.
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser } from '../../dist/pdf/browser.js';
import { median } from './measure.mjs';

/** Starts the preview on a free port; resolves with its URL and the process. */
function startPreview(cli, dataDir, country) {
  const child = spawn(
    'node',
    [
      cli,
      'preview',
      '--edition',
      '2025',
      '--report',
      'clearing-the-mines',
      '--country',
      country,
      '--data',
      dataDir,
      '--port',
      '0',
    ],
    { env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const url = /preview: (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`keydata preview exited ${code}:\n${err}`)));
  });
}

/**
 * `saves` times: change the country's name in its file, and time until the page, reloaded
 * by the preview, shows the new name. The first build (the browser's start) is not counted.
 */
export async function measurePreview(cli, dataDir, file, saves) {
  const country = path.basename(file, '.yaml');
  const original = await readFile(file, 'utf8');
  const { child, url } = await startPreview(cli, dataDir, country);
  const browser = await launchBrowser(
    { envPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined },
    process.env,
  );
  const times = [];
  try {
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('.kd-page', { timeout: 120_000 });
    for (let i = 1; i <= saves; i++) {
      const name = `Saved ${i}`;
      const reloaded = page.waitForNavigation({ waitUntil: 'load', timeout: 60_000 });
      const t = performance.now();
      await writeFile(file, original.replace(/^country: .*$/m, `country: ${name}`));
      await reloaded;
      const ms = performance.now() - t;
      const text = await page.evaluate(() => document.body.textContent);
      if (!text.includes(name)) throw new Error(`the reloaded preview does not show "${name}"`);
      times.push(ms);
      // Let the watcher and the server settle before the next save.
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await writeFile(file, original);
  }
  return { medianMs: median(times), times };
}
