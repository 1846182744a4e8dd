import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { serveSite } from './dist/preview/site-server.js';
import { launchBrowser } from './dist/pdf/browser.js';
const edition = process.argv[2] ?? '2025';
const root = `/tmp/k18-out/${edition}`;
const server = await serveSite(root);
const browser = await launchBrowser({});
const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const pages = readdirSync(path.join(root, 'site'), { recursive: true }).filter((f) => f.endsWith('.html'));
try {
  for (const p of pages) {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('requestfailed', (r) => errors.push('failed ' + r.url()));
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${server.url}site/${p}`, { waitUntil: 'load' });
    await page.evaluate(axe);
    const r = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    console.log(p, r.violations.map((v) => `${v.id}: ${v.nodes.length} ${v.nodes.slice(0,2).map(n=>n.target.join(' ')+' '+(n.failureSummary||'').slice(0,200)).join(' | ')}`).join('\n  '), errors.join(' '));
    if (process.argv[3] && p.includes(process.argv[3])) {
      for (const w of [375, 1280]) {
        await page.setViewport({ width: w, height: 900 });
        await page.screenshot({ path: `/tmp/k18-shot-${path.basename(p, '.html')}-${w}.png`, fullPage: process.argv[4] === 'full' });
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
