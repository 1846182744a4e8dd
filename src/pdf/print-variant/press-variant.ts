import type { PdfMetadata } from '../metadata.js';
import { checkPressPdf, type PressCheck } from './check.js';
import { finishPressPdf, PRESS_GEOMETRY, type PressGeometry } from './finish.js';
import { convertToCmyk } from './ghostscript.js';
import type { PressSheet } from './press-sheet.js';
import { defaultOutputProfile, type OutputProfile } from './profile.js';

export { PRESS_GEOMETRY } from './finish.js';
export { formatPressCheck, type PressCheck } from './check.js';

export interface PressOptions {
  geometry?: PressGeometry;
  /** The CMYK printing condition (default: Ghostscript's SWOP profile). */
  profile?: OutputProfile;
  /** The Ghostscript executable (default: gs on PATH). */
  ghostscript?: string;
  timeoutMs?: number;
}

/**
 * The press PDF from Chromium's print on the sheet with bleed: colours to CMYK (Ghostscript),
 * the sheet, boxes, crop marks, output intent and PDF/X-4 identification (finish.ts), then the
 * preflight read back from the finished bytes (check.ts).
 */
export async function makePressPdf(
  press: { pdf: Uint8Array; sheet: PressSheet },
  screenPages: number,
  metadata: PdfMetadata,
  language: string | undefined,
  options: PressOptions = {},
): Promise<{
  pdf: Uint8Array;
  check: PressCheck;
  ms: { convertMs: number; finishMs: number; checkMs: number };
}> {
  const geometry = options.geometry ?? PRESS_GEOMETRY;
  const profile = options.profile ?? defaultOutputProfile();
  const t0 = performance.now();
  const cmyk = await convertToCmyk(press.pdf, {
    profile: profile.file,
    executable: options.ghostscript,
    timeoutMs: options.timeoutMs,
  });
  const t1 = performance.now();
  const pdf = await finishPressPdf(cmyk, {
    sheet: press.sheet,
    geometry,
    metadata,
    language,
    profile,
    textFrom: press.pdf,
  });
  const t2 = performance.now();
  const check = await checkPressPdf(pdf, {
    pages: screenPages,
    trimWidthMm: press.sheet.trimWidthMm,
    trimHeightMm: press.sheet.trimHeightMm,
    bleedMm: geometry.bleedMm,
  });
  return {
    pdf,
    check,
    ms: { convertMs: t1 - t0, finishMs: t2 - t1, checkMs: performance.now() - t2 },
  };
}
