import type { Citation, Footnote } from '../../../schema/citation.js';
import {
  address,
  dateSegment,
  esc,
  formatCitationDate,
  formatNotes,
  ibidForWork,
  joinSegments,
  messagePhrases,
  pagesSegment,
  sameSender,
  type CitationStyle,
  type Mentions,
  type Segment,
} from '../../../derive/citations/common.js';

/**
 * The Landmine and Cluster Munition Monitor's citation style, as its country profiles print
 * it: US punctuation (the comma inside the closing quote), "Ibid." for the source of the note
 * before, "Ibid., 30 July 2013" for another message from the same person, books as
 * "*Title* (Place: Publisher, Date)", and no document genre. Notes are numbered afresh in
 * each section, so each section is one scope.
 */

const MESSAGE_PHRASES = messagePhrases('response to Monitor questionnaire by');

/** The phrase, then the person: "email from Ahmet Sallova", "Head", "KMAC". */
function person(phrase: string, c: Citation, m: Mentions): Segment[] {
  const [first, ...rest] = m.who(c);
  return [{ text: `${phrase} ${first?.text ?? ''}`.trim() }, ...rest];
}

/** One citation in full, in Monitor style (may begin lower-case: "email from …"). */
export function formatMonitorCitation(c: Citation, m: Mentions): string {
  const q = (s: string | undefined): Segment | undefined =>
    s === undefined ? undefined : { text: esc(s), quoted: true };
  const t = (s: string | undefined): Segment | undefined =>
    s === undefined ? undefined : { text: esc(s) };
  const date = dateSegment(c);
  const pages = pagesSegment(c);
  const addr: Segment | undefined =
    c.address === undefined ? undefined : { text: address(c.address) };
  const phrase = MESSAGE_PHRASES[c.kind];
  let segments: (Segment | undefined)[];
  switch (c.kind) {
    case 'email':
    case 'letter':
    case 'interview':
    case 'telephone_interview':
    case 'questionnaire':
    case 'statement': {
      const who = person(
        c.title !== undefined ? `provided by ${phrase}` : (phrase as string),
        c,
        m,
      );
      segments = [q(c.title), ...who, t(c.event), t(c.place), date, pages, addr];
      break;
    }
    case 'publication': {
      const where = [c.place, c.publisher]
        .filter((x) => x !== undefined)
        .map((x) => esc(x as string))
        .join(': ');
      const facts = [where, date?.text].filter(Boolean).join(', ');
      segments = [
        ...m.who(c),
        { text: `*${esc(c.title ?? '')}*` },
        t(c.edition),
        facts ? { text: `(${facts})`, sep: ' ' } : undefined,
        pages,
        addr,
      ];
      break;
    }
    case 'media': {
      const outlet =
        c.publisher === undefined
          ? undefined
          : { text: `${esc(c.publisher)}${c.place ? ` (${esc(c.place)})` : ''}` };
      segments = [...m.who(c), q(c.title), outlet, date, pages, addr];
      break;
    }
    case 'document':
      segments = [
        ...m.who(c),
        t(c.title),
        t(c.issue),
        t(c.publisher),
        t(c.place),
        date,
        pages,
        addr,
      ];
      break;
    default:
      // report, web_page, presentation: the title in quotes.
      segments = [
        ...m.who(c),
        q(c.title),
        t(c.issue),
        t(c.event),
        t(c.publisher),
        t(c.place),
        date,
        pages,
        addr,
      ];
  }
  return joinSegments(segments, 'inside');
}

export const MONITOR_STYLE: CitationStyle = {
  quotes: 'inside',
  ibid(c, previous) {
    const work = ibidForWork(c, previous);
    if (work) return work;
    if (sameSender(c, previous) && c.date !== undefined)
      return `Ibid., ${formatCitationDate(c.date)}`;
    return undefined;
  },
  items: (run, m) => run.map((item) => item.ibid ?? formatMonitorCitation(item.cite, m)),
};

/** The notes of one Monitor section, in number order, as printed (Markdown). */
export function formatMonitorNotes(notes: readonly Footnote[]): string[] {
  return formatNotes(notes, MONITOR_STYLE);
}
