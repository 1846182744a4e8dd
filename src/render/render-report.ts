import type { KindPage } from './page.js';
import type { ReviewStatus } from '../schema/review.js';
import type { ReportExports } from './exports.js';

/** What the page layout pass needs to know about a report kind's document. */
export interface LayoutHints {
  /** Selector of the element whose children flow into pages. */
  flowRoot: string;
  /** Selector of the notes list printed at page feet; null when notes stay where they are. */
  notesSource: string | null;
  /** An edition volume: countries scoped apart, pages named per country, contents numbered. */
  volume?: boolean;
}

export interface RenderedReport {
  /** The page: styles and charts inlined; fonts at FONT_FACES_MARKER (withInlineFonts for a standalone file). */
  html: string;
  /** The content of the page's flow alone, and the kind's stylesheet: for the edition volume. */
  body: string;
  styles: string;
  layout: LayoutHints;
  title: string;
  /** Text for PDF metadata. */
  meta: {
    title: string;
    author: string;
    subject: string;
    keywords: string[];
    language: string;
    published: string;
  };
  /** The review status printed as a watermark unless final (a volume takes the least advanced of its countries). */
  status: ReviewStatus;
  /** The kind and the view its templates were merged with: the site's page is made from them. */
  source?: { page: KindPage; view: object; country: string; publication: string };
  /** Tables and charts for export as CSV, SVG and PNG (src/render/exports.ts). */
  exports: ReportExports;
}
