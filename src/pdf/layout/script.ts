/**
 * The layout pass as one script for the page. puppeteer serialises a function by its source,
 * so helpers it calls must travel with it: every part's source is joined here into one
 * script that defines them side by side and exposes them as `keydataLayout` on the page's
 * global object. The page's own scripts stay disabled; this runs through DevTools only.
 */
import { citedNotes, notesAtFoot, syncNotes } from './notes.js';
import { keepsWithNext, isFiller, leafBlocks, trailingKeeps } from './keep.js';
import {
  cssPx,
  firstBelow,
  lineStarts,
  measureSource,
  notesProbe,
  pageBoxCss,
  pageGeometry,
} from './measure.js';
import {
  breakPage,
  fits,
  fittingRun,
  isContainer,
  isText,
  keepFirstRun,
  layoutReport,
  leastNotesAdded,
  layoutSummary,
  newPageBox,
  paginate,
  place,
  placeAll,
  placeOversize,
  placeRun,
  splitContainer,
  splitParagraph,
  splitsBetweenChildren,
  surelyOverflows,
  topShell,
} from './paginate.js';
import {
  checkLayout,
  collapseSpace,
  contentViolations,
  describeElement,
  noteViolations,
  oversizeViolations,
  pagesOf,
} from './guard.js';
import { squeezeOverwideTables } from './squeeze.js';
import { accountSource, normText } from './source.js';
import { continuationShell, freezeColumns, rememberTableHead } from './tables.js';

/** Every part of the pass, by the name it is declared with (a test checks they agree). */
export const LAYOUT_PARTS = {
  cssPx,
  pageBoxCss,
  pageGeometry,
  firstBelow,
  lineStarts,
  notesProbe,
  measureSource,
  squeezeOverwideTables,
  normText,
  accountSource,
  citedNotes,
  notesAtFoot,
  syncNotes,
  freezeColumns,
  rememberTableHead,
  continuationShell,
  keepsWithNext,
  isFiller,
  leafBlocks,
  trailingKeeps,
  newPageBox,
  fits,
  topShell,
  isText,
  isContainer,
  splitsBetweenChildren,
  breakPage,
  splitParagraph,
  splitContainer,
  place,
  placeAll,
  fittingRun,
  placeRun,
  surelyOverflows,
  leastNotesAdded,
  placeOversize,
  layoutReport,
  paginate,
  keepFirstRun,
  layoutSummary,
  describeElement,
  collapseSpace,
  contentViolations,
  pagesOf,
  noteViolations,
  oversizeViolations,
  checkLayout,
};

/** The page's global object once LAYOUT_SCRIPT has run in it. */
export interface LayoutGlobal {
  keydataLayout: typeof LAYOUT_PARTS;
}

/** Defines every part in one scope, where they call each other by name, and exposes them. */
export const LAYOUT_SCRIPT = `(() => {
${Object.values(LAYOUT_PARTS)
  .map((part) => String(part))
  .join('\n')}
globalThis.keydataLayout = { ${Object.keys(LAYOUT_PARTS).join(', ')} };
})();`;
