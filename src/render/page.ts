import { markLongWords } from './long-words.js';
import { loadStyles, runningHeadCss } from './styles.js';
import { loadTemplates } from './templates.js';

/**
 * Where a report kind's page comes from: its templates folder, the folders of partials it
 * shares with other kinds, and its stylesheets. Part of each kind's definition
 * (src/commands/kind-definition.ts), so the build hashes exactly the files the page reads.
 */
export interface KindPage {
  /** templates/<templates>/: report.hbs and partials/ (report-body.hbs among them). */
  templates: string;
  /**
   * Folders under templates/ whose partials/ the kind's templates use too, e.g. the KEY DATA
   * box the Mine Action Review kinds share. A partial of the kind's own folder of the same
   * name is an error, not an override: one name, one partial.
   */
  sharedPartials: readonly string[];
  /** Stylesheets under styles/, printed after base.css in this order. */
  styles: readonly string[];
}

/**
 * A report's page and body from its kind's templates: the kind's stylesheets plus the running
 * header (publication on the left, country on the right). Shared by every report kind.
 */
export async function renderKindPage(
  page: KindPage,
  view: object,
  runningHead: { publication: string; country: string },
): Promise<{
  html: string;
  body: string;
  styles: string;
  source: { page: KindPage; view: object; country: string; publication: string };
}> {
  const styles = await loadStyles(page.styles);
  const css = `${styles}\n${runningHeadCss(runningHead.publication, runningHead.country)}`;
  const templates = await loadTemplates(page);
  return {
    html: markLongWords(templates.page({ ...view, css })),
    body: markLongWords(templates.body(view)),
    styles,
    // The site's page places the same view in the same partials (src/render/site/).
    source: { page, view, ...runningHead },
  };
}
