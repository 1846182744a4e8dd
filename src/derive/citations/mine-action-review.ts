import type { Citation, Footnote } from '../../schema/citation.js';
import {
  address,
  dateSegment,
  esc,
  formatNotes,
  ibidForWork,
  joinItems,
  joinSegments,
  messagePhrases,
  pagesSegment,
  type CitationStyle,
  type Mentions,
  type RunItem,
  type Segment,
} from './common.js';

/**
 * Mine Action Review's citation style, as Clearing the Mines prints it: UK punctuation (the
 * comma outside the closing quote), the document's genre after its title ("Report", "Side
 * event"), web addresses as "at: <…>", "Ibid." only for the very source of the note before
 * (another email from the same person is cited in full), and consecutive emails gathered
 * as "emails from A, X, date; and B, Y, date". Notes run through the whole report.
 */

const MESSAGE_PHRASES = messagePhrases('response to Mine Action Review questionnaire by');

const isMessage = (c: Citation) => MESSAGE_PHRASES[c.kind] !== undefined;

/** A message without its phrase: "Ahmet Sallova, KMAC, 5 May 2025". */
function messageBody(c: Citation, m: Mentions): string {
  const t = (s: string | undefined): Segment | undefined =>
    s === undefined ? undefined : { text: esc(s) };
  return joinSegments(
    [...m.who(c), t(c.event), t(c.place), dateSegment(c), pagesSegment(c)],
    'outside',
  );
}

/** One citation in full, in Clearing the Mines style (may begin lower-case: "email from …"). */
export function formatCtmCitation(c: Citation, m: Mentions): string {
  const q = (s: string | undefined): Segment | undefined =>
    s === undefined ? undefined : { text: esc(s), quoted: true };
  const t = (s: string | undefined): Segment | undefined =>
    s === undefined ? undefined : { text: esc(s) };
  const addr: Segment | undefined =
    c.address === undefined ? undefined : { text: `at: ${address(c.address)}` };
  if (isMessage(c)) {
    const body = messageBody(c, m);
    const phrase = MESSAGE_PHRASES[c.kind] as string;
    return joinSegments(
      [
        q(c.title),
        { text: `${c.title !== undefined ? 'provided by ' : ''}${phrase} ${body}` },
        addr,
      ],
      'outside',
    );
  }
  const date = dateSegment(c);
  const pages = pagesSegment(c);
  let segments: (Segment | undefined)[];
  switch (c.kind) {
    case 'publication':
      segments = [
        ...m.who(c),
        { text: `*${esc(c.title ?? '')}*` },
        t(c.edition),
        t(c.genre),
        t(c.publisher),
        t(c.place),
        date,
        addr,
        pages,
      ];
      break;
    case 'media': {
      const outlet =
        c.publisher === undefined
          ? undefined
          : { text: `${esc(c.publisher)}${c.place ? ` (${esc(c.place)})` : ''}` };
      segments = [...m.who(c), q(c.title), outlet, date, addr, pages];
      break;
    }
    case 'document':
      segments = [
        ...m.who(c),
        t(c.title),
        t(c.issue),
        t(c.genre),
        t(c.publisher),
        t(c.place),
        date,
        addr,
        pages,
      ];
      break;
    default:
      // report, web_page, presentation: the title in quotes, then what it is.
      segments = [
        ...m.who(c),
        q(c.title),
        t(c.issue),
        t(c.genre),
        t(c.event),
        t(c.publisher),
        t(c.place),
        date,
        addr,
        pages,
      ];
  }
  return joinSegments(segments, 'outside');
}

/** Items of a run: consecutive emails (not "Ibid.") become one item, "emails from A; and B". */
function items(run: readonly RunItem[], m: Mentions): string[] {
  const out: string[] = [];
  for (let i = 0; i < run.length; ) {
    const item = run[i] as RunItem;
    if (item.ibid !== undefined) {
      out.push(item.ibid);
      i++;
      continue;
    }
    let j = i;
    while (
      j < run.length &&
      run[j]?.ibid === undefined &&
      run[j]?.cite.kind === 'email' &&
      run[j]?.cite.title === undefined
    )
      j++;
    if (j - i >= 2) {
      out.push(`emails from ${joinItems(run.slice(i, j).map((x) => messageBody(x.cite, m)))}`);
      i = j;
      continue;
    }
    out.push(formatCtmCitation(item.cite, m));
    i++;
  }
  return out;
}

export const CTM_STYLE: CitationStyle = {
  quotes: 'outside',
  ibid: ibidForWork,
  items,
};

/** The notes of a Clearing the Mines report, in number order, as printed (Markdown). */
export function formatCtmNotes(notes: readonly Footnote[]): string[] {
  return formatNotes(notes, CTM_STYLE);
}
