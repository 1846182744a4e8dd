import type { Citation, CitationDate, Footnote } from '../../schema/citation.js';
import { MESSAGE_KINDS } from '../../schema/citation.js';
import { formatDate, MONTHS } from '../format.js';
import { noteCitations, notePieces } from './footnote.js';

/**
 * What every citation style shares: the note-level rules (pieces in order, "Ibid." only for
 * the first citation of a note whose previous note cites that one source alone, a run of
 * citations joined "A; B; and C." and capitalised where it starts a sentence) and the
 * building blocks (dates, pages, short forms after a first mention). A style decides how
 * one citation reads and when a repeat becomes "Ibid.". Output is keydata Markdown.
 */

/** 2007 -> "2007"; "2013-08" -> "August 2013"; "2013-01-03" -> "3 January 2013". */
export function formatCitationDate(d: CitationDate): string {
  if (typeof d === 'number') return String(d);
  if (/^\d{4}-\d{2}$/.test(d)) return `${MONTHS[Number(d.slice(5, 7)) - 1] ?? ''} ${d.slice(0, 4)}`;
  return formatDate(d);
}

/**
 * How each kind of message opens a citation ("email from ..."); the questionnaire names the
 * publication that sent it, so each style passes its own phrase.
 */
export function messagePhrases(questionnaireBy: string): Partial<Record<Citation['kind'], string>> {
  return {
    email: 'email from',
    letter: 'letter from',
    interview: 'interview with',
    telephone_interview: 'telephone interview with',
    questionnaire: questionnaireBy,
    statement: 'statement of',
  };
}

/** 15 -> "p. 15"; "5–6" -> "pp. 5–6"; "6 and 15" -> "pp. 6 and 15". */
export function formatPages(pages: number | string): string {
  return typeof pages === 'number' || /^\d+$/.test(pages) ? `p. ${pages}` : `pp. ${pages}`;
}

/** Field text made literal in Markdown: no emphasis, links, note references or derived values. */
export function esc(s: string): string {
  return s.replace(/[\\`*_{}[\]<>^~|&]/g, (c) => `\\${c}`);
}

/**
 * A web address: a link where it has a scheme (printed as written); a bare "www." address
 * prints as written and links over http; anything else is literal text.
 */
export function address(a: string): string {
  if (/^https?:\/\/[^\s<>]+$/.test(a)) return `<${a}>`;
  if (/^www\.[a-z0-9-]+(\.[a-z0-9-]+)+(\/[^\s<>()[\]\\]*)?$/i.test(a))
    return `[${esc(a)}](http://${a})`;
  return esc(a);
}

/** Part of a formatted citation; `sep` goes before it (default ", "). */
export interface Segment {
  text: string;
  quoted?: boolean;
  sep?: string;
}

/** Where a comma or full stop after a quoted title goes: inside the quotes (US) or outside (UK). */
export type QuoteStyle = 'inside' | 'outside';

export function joinSegments(
  segments: readonly (Segment | undefined | false)[],
  quotes: QuoteStyle,
): string {
  let out = '';
  let lastQuoted = false;
  for (const s of segments) {
    if (!s) continue;
    if (out) {
      const sep = s.sep ?? ', ';
      if (lastQuoted && quotes === 'inside' && sep.startsWith(','))
        out = `${out.slice(0, -1)},”${sep.slice(1)}`;
      else out += sep;
    }
    out += s.quoted ? `“${s.text}”` : s.text;
    lastQuoted = s.quoted === true;
  }
  return out;
}

/** Ends a run of citations with a full stop, inside a closing quote in the US style. */
export function endSentence(s: string, quotes: QuoteStyle): string {
  if (/[.?!][”’)]?$/.test(s)) return s;
  if (quotes === 'inside' && s.endsWith('”')) return `${s.slice(0, -1)}.”`;
  return `${s}.`;
}

export const capitalise = (s: string): string => s.replace(/^[a-z]/, (c) => c.toUpperCase());

/** "A"; "A; and B"; "A; B; and C". */
export function joinItems(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('; ')}; and ${items.at(-1) ?? ''}`;
}

/**
 * Who has been named so far in the numbering scope: a person's role is printed at their
 * first citation only, and an author or organisation with a short form is written in full
 * the first time and short afterwards.
 */
export class Mentions {
  private readonly people = new Set<string>();
  private readonly organisations = new Set<string>();

  /** The author, role and organisation segments of a citation, and records them as named. */
  who(c: Citation): Segment[] {
    const out: Segment[] = [];
    if (c.author !== undefined) {
      const named = this.people.has(c.author);
      out.push({ text: esc(named && c.author_short ? c.author_short : c.author) });
      if (c.role !== undefined && !named) out.push({ text: esc(c.role) });
      this.people.add(c.author);
    }
    if (c.organisation !== undefined) {
      const named = this.organisations.has(c.organisation);
      out.push({
        text: esc(named && c.organisation_short ? c.organisation_short : c.organisation),
      });
      this.organisations.add(c.organisation);
    }
    return out;
  }
}

export const dateSegment = (c: Citation): Segment | undefined => {
  if (c.date_text !== undefined) return { text: esc(c.date_text) };
  if (c.date !== undefined) return { text: formatCitationDate(c.date) };
  return undefined;
};

export const pagesSegment = (c: Citation): Segment | undefined =>
  c.pages === undefined ? undefined : { text: esc(formatPages(c.pages)) };

const IDENTITY_IGNORES = new Set(['role', 'author_short', 'organisation_short', 'pages']);

/** The same work (or message): every field equal except role, short forms and pages. */
export function sameWork(a: Citation, b: Citation): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    if (IDENTITY_IGNORES.has(k)) continue;
    if (a[k as keyof Citation] !== b[k as keyof Citation]) return false;
  }
  return true;
}

/** Another message of the same kind from the same person (a different date). */
export function sameSender(a: Citation, b: Citation): boolean {
  return (
    MESSAGE_KINDS.includes(a.kind) &&
    a.kind === b.kind &&
    a.author === b.author &&
    a.organisation === b.organisation &&
    a.title === undefined &&
    b.title === undefined &&
    !sameWork(a, b)
  );
}

/** "Ibid." for the same work, "Ibid., p. 18" when only the page differs. */
export function ibidForWork(c: Citation, previous: Citation): string | undefined {
  if (!sameWork(c, previous)) return undefined;
  if (c.pages !== undefined && c.pages !== previous.pages)
    return `Ibid., ${esc(formatPages(c.pages))}`;
  return 'Ibid.';
}

/** One item of a run of citations: the citation, and its "Ibid." form where it has one. */
export interface RunItem {
  cite: Citation;
  ibid: string | undefined;
}

export interface CitationStyle {
  quotes: QuoteStyle;
  /** The short form of a citation repeating the previous note's only source, or undefined. */
  ibid(c: Citation, previous: Citation): string | undefined;
  /** The printed items of a run of citations (a style may group some into one item). */
  items(run: readonly RunItem[], mentions: Mentions): string[];
}

/**
 * Every note of one numbering scope (a report, or a Monitor section), in number order, as
 * printed in `style`: Markdown strings.
 */
export function formatNotes(notes: readonly Footnote[], style: CitationStyle): string[] {
  const mentions = new Mentions();
  let previousOnly: Citation | undefined;
  return notes.map((note) => {
    const out: string[] = [];
    notePieces(note).forEach((piece, i) => {
      if ('text' in piece) {
        out.push(piece.text);
        return;
      }
      const run = piece.cites.map((cite, j) => ({
        cite,
        ibid: i === 0 && j === 0 && previousOnly ? style.ibid(cite, previousOnly) : undefined,
      }));
      let text = endSentence(joinItems(style.items(run, mentions)), style.quotes);
      const before = out.at(-1);
      if (before === undefined || /[.?!][”’)*]*$/.test(before)) text = capitalise(text);
      out.push(text);
    });
    const cites = noteCitations(note);
    previousOnly = cites.length === 1 ? cites[0] : undefined;
    return out.join(' ');
  });
}
