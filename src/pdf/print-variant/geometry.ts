import type { CropMarks } from './crop-marks.js';

// Apart from finish.ts (pdf-lib): printing asks for the bleed before anything is finished,
// and a build loads pdf-lib while Chromium prints, not before.

/**
 * The press PDF's geometry. The trimmed page is the screen PDF's (A4); the bleed runs
 * `bleedMm` past it on every side; the sheet (MediaBox) runs `mediaMarginMm` past the trim,
 * room for crop marks that start clear of the bleed.
 */
export interface PressGeometry {
  bleedMm: number;
  mediaMarginMm: number;
  marks: CropMarks;
}

/** 3 mm bleed; marks 3.5-9 mm outside the trim (clear of the bleed), 0.25 pt; a 230 x 317 mm sheet for A4. */
export const PRESS_GEOMETRY: PressGeometry = {
  bleedMm: 3,
  mediaMarginMm: 10,
  marks: { offsetMm: 3.5, lengthMm: 5.5, widthPt: 0.25 },
};
