import type { ReportKind } from '../schema/report-kind.js';
import { markLongWords } from './long-words.js';
import { loadStyles, runningHeadCss } from './styles.js';
import { loadTemplates } from './templates.js';

/**
 * A report's page and body from its kind's templates: the kind's stylesheet plus the running
 * header (publication on the left, country on the right). Shared by every report kind.
 */
export async function renderKindPage(
  kind: ReportKind,
  view: object,
  runningHead: { publication: string; country: string },
): Promise<{
  html: string;
  body: string;
  styles: string;
  source: { kind: ReportKind; view: object; country: string; publication: string };
}> {
  const styles = await loadStyles(kind);
  const css = `${styles}\n${runningHeadCss(runningHead.publication, runningHead.country)}`;
  const templates = await loadTemplates(kind);
  return {
    html: markLongWords(templates.page({ ...view, css })),
    body: markLongWords(templates.body(view)),
    styles,
    // The site's page places the same view in the same partials (src/render/site/).
    source: { kind, view, ...runningHead },
  };
}
