import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../errors.js';

/**
 * Ghostscript's pdfwrite converts every colour to CMYK through the output profile. It is
 * Debian's own package, the one free tool that converts a whole PDF (content, images,
 * shadings, transparency groups) through ICC profiles; pdf-lib cannot convert colours, and
 * qpdf does not touch content.
 *
 * - PDF 1.6 keeps Chromium's transparency live, as PDF/X-4 allows (-dPDFX would make
 *   PDF/X-3, which flattens it, and needs PostScript set-up files).
 * - Relative colorimetric with black point compensation, the usual intent for vector art.
 * - Images are kept lossless and not downsampled; all fonts embedded, as subsets.
 * - Link annotations are dropped (a press file has none inside the bleed).
 * - No dates, ID or XMP of Ghostscript's own: finish.ts writes them from the edition, so the
 *   same input gives the same bytes.
 */
export const GHOSTSCRIPT_ARGS = [
  '-dSAFER',
  '-dBATCH',
  '-dNOPAUSE',
  '-dQUIET',
  '-sDEVICE=pdfwrite',
  '-dCompatibilityLevel=1.6',
  '-sProcessColorModel=DeviceCMYK',
  '-sColorConversionStrategy=CMYK',
  '-dRenderIntent=1',
  '-dBlackPtComp=1',
  '-dPreserveAnnots=false',
  '-dEmbedAllFonts=true',
  '-dSubsetFonts=true',
  '-dAutoRotatePages=/None',
  '-dOmitInfoDate',
  '-dOmitID',
  '-dOmitXMP',
  '-dAutoFilterColorImages=false',
  '-dAutoFilterGrayImages=false',
  '-sColorImageFilter=FlateEncode',
  '-sGrayImageFilter=FlateEncode',
  '-dDownsampleColorImages=false',
  '-dDownsampleGrayImages=false',
  '-dDownsampleMonoImages=false',
];

export interface GhostscriptOptions {
  /** The CMYK ICC profile to convert to. */
  profile: string;
  /** The Ghostscript executable (default: gs on PATH). */
  executable?: string;
  timeoutMs?: number;
}

/** Converts a PDF's colours to CMYK with Ghostscript; throws UserError when gs is missing. */
export async function convertToCmyk(
  pdf: Uint8Array,
  options: GhostscriptOptions,
): Promise<Uint8Array> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'keydata-cmyk-'));
  const input = path.join(dir, 'rgb.pdf');
  const output = path.join(dir, 'cmyk.pdf');
  const gs = options.executable ?? 'gs';
  try {
    await writeFile(input, pdf);
    await new Promise<void>((resolve, reject) => {
      execFile(
        gs,
        [...GHOSTSCRIPT_ARGS, `-sOutputICCProfile=${options.profile}`, '-o', output, input],
        { timeout: options.timeoutMs ?? 120_000, maxBuffer: 4 * 1024 * 1024 },
        (err, _stdout, stderr) => {
          if (!err) return resolve();
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            reject(
              new UserError(
                `the print variant needs Ghostscript, and '${gs}' was not found (Debian: apt-get install ghostscript)`,
                1,
                { cause: err },
              ),
            );
          } else {
            reject(
              new Error(
                `Ghostscript could not convert the press PDF to CMYK: ${(stderr || err.message).trim().split('\n').slice(0, 5).join(' / ')}`,
                { cause: err },
              ),
            );
          }
        },
      );
    });
    return new Uint8Array(await readFile(output));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
