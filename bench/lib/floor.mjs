// The Chromium floor: printing HTML that is already laid out, against keydata's pipeline
// (load, lay out, print) on the same profile, in the same browser, runs alternated.
import { BUILD_DEFAULTS } from '../../dist/commands/options.js';
import { deriveReport, renderReport } from '../../dist/commands/report.js';
import { loadReport } from '../../dist/data/load-report.js';
import { launchBrowser } from '../../dist/pdf/browser.js';
import { printPdf } from '../../dist/pdf/print.js';
import { median } from './measure.mjs';

const print = (browser, html, layout, captureHtml = false) =>
  printPdf(browser, html, { timeoutMs: BUILD_DEFAULTS.timeoutMs, layout, captureHtml });

/**
 * Per file: the pipeline as a build runs it (no capture of the laid-out HTML, which only the
 * preview and this bench ask for) and the floor, `runs` times each, alternated, medians.
 */
export async function measureFloor(files, runs) {
  const browser = await launchBrowser(
    { envPath: process.env.PUPPETEER_EXECUTABLE_PATH || undefined },
    process.env,
  );
  const rows = [];
  try {
    for (const f of files) {
      const loaded = await loadReport(f, (x) => x);
      const rendered = await renderReport(deriveReport(loaded.report));
      // Warm-up, and the laid-out document for the floor (and for WeasyPrint).
      const first = await print(browser, rendered.html, rendered.layout, true);
      const pipeline = [];
      const floor = [];
      const pass = [];
      for (let i = 0; i < runs; i++) {
        let t = performance.now();
        const full = await print(browser, rendered.html, rendered.layout);
        pipeline.push(performance.now() - t);
        pass.push(full.layout.ms);
        t = performance.now();
        await print(browser, first.laidOutHtml, false);
        floor.push(performance.now() - t);
      }
      rows.push({
        file: f,
        pages: first.layout.pages,
        pipelineMs: median(pipeline),
        floorMs: median(floor),
        layoutPassMs: median(pass),
        checks: first.layout.measurements,
        html: first.laidOutHtml,
      });
    }
  } finally {
    await browser.close();
  }
  return rows;
}
