import MarkdownIt from 'markdown-it';
import type { StateInline } from 'markdown-it';
import sup from 'markdown-it-sup';
import { HAND_CHECK } from '../derive/figures/hand-check.js';
import { isToFillText } from '../derive/to-fill.js';

/** What inline prose needs from the derived data to render. */
export interface ProseEnv {
  /** Footnote id -> printed number. */
  noteNumbers: ReadonlyMap<string, number>;
  /** Derived values named as {=name}. */
  facts: ReadonlyMap<string, string>;
  /**
   * Notes printed at the end of their section (the Monitor) rather than at the page foot:
   * references read "[3]", their ids carry the section's prefix (numbers restart in each
   * section), and they carry no data-note, so the layout pass leaves the notes in place.
   */
  sectionNotes?: { idPrefix: string };
  /** Straight quotes typed in the text print curly (“ ” ‘ ’), as the citation styles print them. */
  curlyQuotes?: boolean;
}

/**
 * keydata Markdown: emphasis, strong, links, ^superscript^, footnote references [^id] and
 * derived values {=name}. Raw HTML is off (printed as text) and images are off, so data can
 * neither inject markup nor make the page load anything.
 */
function createMarkdown(curlyQuotes: boolean): InstanceType<typeof MarkdownIt> {
  // The typographer is on only for its quotes; its other replacements ("(c)", "--") stay off.
  const md = new MarkdownIt('commonmark', {
    html: false,
    linkify: false,
    typographer: curlyQuotes,
  });
  md.disable(['image', 'html_inline', 'html_block']);
  if (curlyQuotes) md.enable('smartquotes');
  md.use(sup);
  md.inline.ruler.before('link', 'note_ref', noteRef);
  md.inline.ruler.before('emphasis', 'derived_value', derivedValue);
  md.inline.ruler.before('emphasis', 'hand_checked', handChecked);
  md.renderer.rules.note_ref = (tokens, idx, _opts, env) => {
    const id = tokens[idx]?.meta?.id as string;
    const n = (env as unknown as ProseEnv).noteNumbers.get(id);
    if (n === undefined)
      throw new Error(`footnote [^${id}] has no number (checks should have refused it)`);
    const local = (env as unknown as ProseEnv).sectionNotes;
    if (local) {
      const p = md.utils.escapeHtml(local.idPrefix);
      return `<sup class="note-ref"><a href="#${p}note-${n}" id="${p}note-ref-${n}">[${n}]</a></sup>`;
    }
    return `<sup class="note-ref"><a href="#note-${n}" id="note-ref-${n}" data-note="${n}">${n}</a></sup>`;
  };
  md.renderer.rules.derived_value = (tokens, idx, _opts, env) => {
    const name = tokens[idx]?.meta?.name as string;
    const value = (env as unknown as ProseEnv).facts.get(name);
    if (value === undefined)
      throw new Error(`unknown derived value {=${name}} (checks should have refused it)`);
    // "Table 7" and "Figure 2" link to what they name, unless already inside a link.
    const ref = /^(table|figure):(.+)$/.exec(name);
    const inLink =
      tokens
        .slice(0, idx)
        .reduce(
          (open, t) => open + (t.type === 'link_open' ? 1 : t.type === 'link_close' ? -1 : 0),
          0,
        ) > 0;
    if (ref && !inLink) {
      const href = crossReferenceId(ref[1] as 'table' | 'figure', ref[2] as string);
      return `<a class="xref" href="#${md.utils.escapeHtml(href)}">${md.utils.escapeHtml(value)}</a>`;
    }
    // A derived value still to fill prints highlighted, like every mark of a draft.
    if (isToFillText(value)) return `<mark class="to-fill">${md.utils.escapeHtml(value)}</mark>`;
    return md.utils.escapeHtml(value);
  };
  return md;
}

function noteRef(state: StateInline, silent: boolean): boolean {
  const m = /^\[\^([A-Za-z0-9][A-Za-z0-9_.-]*)\]/.exec(state.src.slice(state.pos));
  if (!m) return false;
  if (!silent) state.push('note_ref', '', 0).meta = { id: m[1] };
  state.pos += m[0].length;
  return true;
}

const HAND_CHECK_AT_START = new RegExp(`^${HAND_CHECK.source}`);

/** {70%|checked: source}: an editor's check of a figure prints as the figure alone. */
function handChecked(state: StateInline, silent: boolean): boolean {
  const m = HAND_CHECK_AT_START.exec(state.src.slice(state.pos));
  if (!m) return false;
  if (!silent) state.push('text', '', 0).content = (m[1] ?? '').trim();
  state.pos += m[0].length;
  return true;
}

function derivedValue(state: StateInline, silent: boolean): boolean {
  const m = /^\{=([a-z][a-z0-9_]*(?::[a-z][a-z0-9_]*)?(?:\|(?:m2|km2))?)\}/.exec(
    state.src.slice(state.pos),
  );
  if (!m) return false;
  if (!silent) state.push('derived_value', '', 0).meta = { name: m[1] };
  state.pos += m[0].length;
  return true;
}

/** The id of a numbered table or figure, the target of its cross-references: "table-mined-area-by-district". */
export function crossReferenceId(kind: 'table' | 'figure', key: string): string {
  return `${kind}-${key.replace(/_/g, '-')}`;
}

const md = createMarkdown(false);
const mdCurly = createMarkdown(true);

/** Renders one paragraph-level string to inline HTML (no <p> wrapper). */
export function renderInline(text: string, env: ProseEnv): string {
  // A text still to fill in a draft is the mark alone ("TO FILL 2026"): highlighted.
  if (isToFillText(text.trim())) return `<mark class="to-fill">${text.trim()}</mark>`;
  const html = (env.curlyQuotes ? mdCurly : md).renderInline(text, { ...env });
  // A bracketed reference may otherwise wrap away from its word ("funding." / "[8]").
  return env.sectionNotes
    ? html.replace(
        /([^\s<>]+)(<sup class="note-ref">.*?<\/sup>)/g,
        '<span class="nobr">$1$2</span>',
      )
    : html;
}
