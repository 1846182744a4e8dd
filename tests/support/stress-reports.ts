/**
 * "Documents made to stress the layout": Clearing the Mines reports built at test time from
 * the Kosovo data, each changed to push one part of the page layout pass
 * (src/pdf/layout/paginate.ts) to its limits: tables that break with many notes, a note
 * longer than half a page, many notes on one page, paragraphs longer than a page.
 *
 * Text is made of pseudo-random words from a fixed seed, so every run builds the same
 * documents and every paragraph, list item and note is unique (a test can require each to
 * appear exactly once in the PDF).
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { KOSOVO_FILE, KOSOVO_TEXT } from '../helpers/reports.js';
import { squash } from './pdf-text.js';

// biome-ignore lint/suspicious/noExplicitAny: tests edit the parsed YAML freely, as plain data, to plant stress cases the schema's types would refuse to express
export type ReportData = Record<string, any>;
type Block = { p: string } | { list: string[] } | { table: string } | { chart: string };
interface Section {
  heading: string;
  blocks: Block[];
  subsections?: { heading: string; blocks: Block[] }[];
}

// ---------------------------------------------------------------- words

const WORDS = (
  'mine action survey clearance area operator district village field road river hill forest slope ' +
  'team deminer manual mechanical asset dog detection marking fence hazard confirmed suspected ' +
  'release reduction cancellation technical non-technical community liaison report database ' +
  'quality assurance control standard procedure accreditation funding donor budget season winter ' +
  'spring summer autumn terrain vegetation access permission landowner farmer grazing orchard ' +
  'vineyard pasture track bridge culvert trench bunker position front line remnant device fuze ' +
  'fragment metal signal reading depth soil rock clay sand water flood erosion drift migration ' +
  'evidence record map coordinate polygon boundary baseline estimate figure total output progress ' +
  'target plan priority task completion deadline extension strategy ministry authority centre ' +
  'capacity training equipment vehicle medic paramedic insurance salary recruitment retention ' +
  'gender diversity inclusion consultation household interview informant witness history conflict ' +
  'ceasefire agreement convention obligation compliance transparency article update revision ' +
  'national regional municipal local international partner programme project contract phase'
).split(/\s+/);

/** A small deterministic generator (mulberry32), so the documents are the same on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` words of plain prose in sentences of 8-20 words, starting with a capital. */
export function prose(rand: () => number, count: number): string {
  const out: string[] = [];
  let sentence = 0;
  let length = 8 + Math.floor(rand() * 13);
  for (let i = 0; i < count; i++) {
    let w = WORDS[Math.floor(rand() * WORDS.length)] as string;
    if (sentence === 0) w = w[0]!.toUpperCase() + w.slice(1);
    sentence++;
    const last = i === count - 1;
    if (last || sentence >= length) {
      w += '.';
      sentence = 0;
      length = 8 + Math.floor(rand() * 13);
    } else if (rand() < 0.06) {
      w += ',';
    }
    out.push(w);
  }
  return out.join(' ');
}

/** Prose with footnote references spread evenly through it, each after a word ending a sentence or clause. */
function proseWithNotes(rand: () => number, words: number, noteIds: string[]): string {
  const text = prose(rand, words).split(' ');
  const every = Math.floor(text.length / (noteIds.length + 1));
  noteIds.forEach((id, i) => {
    const at = Math.min(text.length - 1, every * (i + 1));
    text[at] = `${(text[at] as string).replace(/[.,]$/, '')},[^${id}]`;
  });
  const joined = text.join(' ');
  return joined.endsWith('.') ? joined : `${joined.replace(/,$/, '')}.`;
}

// ---------------------------------------------------------------- the Kosovo base

/**
 * Kosovo's data with its front matter and first section, the rest of its body replaced by
 * `sections` (placed after Kosovo's first section, or before it with `first`).
 */
function fromKosovo(
  country: string,
  sections: Section[],
  notes: Record<string, string>,
  first = false,
): ReportData {
  const data = parse(KOSOVO_TEXT) as ReportData;
  data.country = country;
  // Keep the first section (two tables, a chart, five paragraphs) as a realistic page or two
  // before the stress sections; the tables it does not place, and their notes, go.
  const kept = (data.sections as Section[])[0] as Section;
  data.sections = first ? [...sections, kept] : [kept, ...sections];
  for (const key of Object.keys(data.tables)) {
    if (!['mined_area_by_district', 'contamination_by_type'].includes(key)) delete data.tables[key];
  }
  const cited = new Set(
    [
      JSON.stringify(kept),
      JSON.stringify(data.tables),
      JSON.stringify(data.key_developments),
    ].flatMap((s) => [...s.matchAll(/\[\^([A-Za-z0-9_.-]+)\]/g)].map((m) => m[1] as string)),
  );
  for (const id of Object.keys(data.notes)) if (!cited.has(id)) delete data.notes[id];
  Object.assign(data.notes, notes);
  return data;
}

/** A note's text: unique (it names its id) and plain, so the PDF prints it exactly as written. */
const noteText = (rand: () => number, id: string, words: number) =>
  `Stress note ${id}: ${prose(rand, words)}`;

// ---------------------------------------------------------------- the stress cases

export interface StressReport {
  /** The file name (without .yaml) and the country printed in the running header. */
  name: string;
  country: string;
  data: ReportData;
  /** What the case is built to do to the layout. */
  purpose: string;
}

/** a. A 45-row generic table citing a new note every third row, breaking across pages. */
function tableWithManyNotes(): StressReport {
  const rand = random(101);
  const notes: Record<string, string> = {};
  const note = (id: string, words = 6 + Math.floor(rand() * 14)) => {
    notes[id] = noteText(rand, id, words);
    return id;
  };
  const before: Block[] = [];
  for (let i = 1; i <= 4; i++)
    before.push({ p: proseWithNotes(rand, 150, [note(`before${i}a`), note(`before${i}b`)]) });
  const rows: (string | number)[][] = [];
  for (let r = 1; r <= 45; r++) {
    const first = `Row ${String(r).padStart(2, '0')} ${prose(rand, 2).replace(/\.$/, '')}`;
    rows.push([
      r % 3 === 1 ? `${first}[^row${r}]` : first,
      prose(rand, 3 + Math.floor(rand() * 8)).replace(/\.$/, ''),
      10_000 + r * 137,
      r * 3 + 1,
    ]);
    if (r % 3 === 1) note(`row${r}`);
  }
  const after: Block[] = [];
  for (let i = 1; i <= 3; i++) after.push({ p: proseWithNotes(rand, 120, [note(`after${i}`)]) });
  note('caption', 10);
  const data = fromKosovo(
    'Tablestan',
    [{ heading: 'Clearance by task', blocks: [...before, { table: 'tasks_2024' }, ...after] }],
    notes,
  );
  data.other_tables = {
    tasks_2024: {
      caption: `Clearance tasks completed in 2024[^caption]`,
      columns: [
        { label: 'Task reference' },
        { label: 'Operator and method' },
        { label: 'Area cleared (m²)', numeric: true },
        { label: 'Items destroyed', numeric: true },
      ],
      rows,
      notes: ['References are those of the national database.'],
    },
  };
  return {
    name: 'table-with-many-notes',
    country: 'Tablestan',
    data,
    purpose: '45-row table, a note every 3rd row',
  };
}

/** b. A note of ~900 words (well over half the page area at 7.6pt) cited mid-paragraph on page 2 or later. */
function longNote(): StressReport {
  const rand = random(202);
  const notes: Record<string, string> = {};
  const note = (id: string, words: number) => {
    notes[id] = noteText(rand, id, words);
    return id;
  };
  const blocks: Block[] = [];
  for (let i = 1; i <= 3; i++)
    blocks.push({ p: proseWithNotes(rand, 160, [note(`lead${i}`, 12)]) });
  blocks.push({
    p: proseWithNotes(rand, 260, [
      note('short1', 10),
      note('long', LONG_NOTE_WORDS),
      note('short2', 10),
    ]),
  });
  for (let i = 1; i <= 3; i++)
    blocks.push({ p: proseWithNotes(rand, 160, [note(`tail${i}`, 12)]) });
  const data = fromKosovo('Longnotia', [{ heading: 'A long source note', blocks }], notes);
  return {
    name: 'long-note',
    country: 'Longnotia',
    data,
    purpose: `a ${LONG_NOTE_WORDS}-word note mid-paragraph`,
  };
}

/** Words of the long note: more than half the page area at 7.6pt, well under a whole page. */
export const LONG_NOTE_WORDS = 900;
/** Words of the note that cannot fit on any page. */
export const OVERSIZE_NOTE_WORDS = 2000;

/** c. 28 short notes cited in about half a page of short paragraphs (with their notes, about one page). */
function manyNotesOnePage(): StressReport {
  const rand = random(303);
  const notes: Record<string, string> = {};
  let k = 0;
  const note = () => {
    const id = `dense${++k}`;
    notes[id] = noteText(rand, id, 3 + Math.floor(rand() * 8));
    return id;
  };
  const blocks: Block[] = [];
  for (let i = 1; i <= 7; i++)
    blocks.push({ p: proseWithNotes(rand, 45, [note(), note(), note(), note()]) });
  // First in the body, so the section starts at the top of page 2 and its notes share one foot.
  const data = fromKosovo(
    'Densenotia',
    [{ heading: 'Sources in quick succession', blocks }],
    notes,
    true,
  );
  return {
    name: 'many-notes-one-page',
    country: 'Densenotia',
    data,
    purpose: '28 notes in ~320 words',
  };
}

/** d. Paragraphs of ~900 words with notes throughout, and a long list whose items each cite a note. */
function longParagraphs(): StressReport {
  const rand = random(404);
  const notes: Record<string, string> = {};
  let k = 0;
  const note = () => {
    const id = `lp${++k}`;
    notes[id] = noteText(rand, id, 5 + Math.floor(rand() * 20));
    return id;
  };
  const blocks: Block[] = [];
  for (let i = 1; i <= 3; i++)
    blocks.push({ p: proseWithNotes(rand, 900, Array.from({ length: 8 }, note)) });
  blocks.push({
    list: Array.from({ length: 24 }, () =>
      proseWithNotes(rand, 25 + Math.floor(rand() * 40), [note()]),
    ),
  });
  blocks.push({ p: proseWithNotes(rand, 900, Array.from({ length: 8 }, note)) });
  const data = fromKosovo(
    'Verbosia',
    [
      { heading: 'Paragraphs longer than a page', blocks: blocks.slice(0, 2) },
      { heading: 'A list of sourced points', blocks: blocks.slice(2), subsections: [] },
    ],
    notes,
  );
  return {
    name: 'long-paragraphs',
    country: 'Verbosia',
    data,
    purpose: '900-word paragraphs, a 24-item list',
  };
}

/** 3. A note longer than a whole page: the build must refuse it. */
export function oversizeNote(): StressReport {
  const rand = random(505);
  const notes: Record<string, string> = {};
  const note = (id: string, words: number) => {
    notes[id] = noteText(rand, id, words);
    return id;
  };
  const blocks: Block[] = [];
  blocks.push({ p: proseWithNotes(rand, 200, [note('before', 10)]) });
  blocks.push({ p: proseWithNotes(rand, 200, [note('huge', OVERSIZE_NOTE_WORDS)]) });
  blocks.push({ p: proseWithNotes(rand, 200, [note('after', 10)]) });
  const data = fromKosovo('Hugenotia', [{ heading: 'A note that cannot fit', blocks }], notes);
  return {
    name: 'oversize-note',
    country: 'Hugenotia',
    data,
    purpose: `a ${OVERSIZE_NOTE_WORDS}-word note`,
  };
}

export function stressReports(): StressReport[] {
  return [tableWithManyNotes(), longNote(), manyNotesOnePage(), longParagraphs()];
}

// ---------------------------------------------------------------- files

/** Writes each report as <editions>/2025/clearing-the-mines/<name>.yaml beside a copy of the edition file. */
export async function writeEdition(editionsDir: string, reports: StressReport[]): Promise<void> {
  const dir = path.join(editionsDir, '2025', 'clearing-the-mines');
  await mkdir(dir, { recursive: true });
  await copyFile(
    path.join(path.dirname(KOSOVO_FILE), '_edition.yaml'),
    path.join(dir, '_edition.yaml'),
  );
  for (const r of reports)
    await writeFile(path.join(dir, `${r.name}.yaml`), stringify(r.data, { lineWidth: 0 }));
}

// ---------------------------------------------------------------- expected text

/** Markdown as the PDF prints it: note references as their numbers, emphasis and links as plain text. */
export function plainText(markdown: string, noteNumbers: ReadonlyMap<string, number>): string {
  return markdown
    .replace(/\[\^([A-Za-z0-9][A-Za-z0-9_.-]*)\]/g, (_, id: string) =>
      String(noteNumbers.get(id) ?? `[^${id}]`),
    )
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<(https?:[^>]+)>/g, '$1')
    .replace(/[*^]/g, '');
}

/** pdftotext joins a word broken at a line-end hyphen without its hyphen: compare without hyphens. */
export const comparable = (s: string) => squash(s).replace(/-/g, '').toLowerCase();

export interface ProsePiece {
  /** Where it comes from, e.g. "sections[1].blocks[3].list[2]". */
  where: string;
  text: string;
}

/**
 * The paragraphs, list items and generic-table text cells of a report's body and front page,
 * as printed. A derived value ({=name}) is printed in a form the data does not hold, so a
 * string holding one is cut into the pieces around it (pieces under 12 characters are left out).
 */
export function bodyProse(
  data: ReportData,
  noteNumbers: ReadonlyMap<string, number>,
): ProsePiece[] {
  const pieces: ProsePiece[] = [];
  const add = (where: string, markdown: string) => {
    markdown.split(/\{=[^}]*\}/).forEach((part, i, all) => {
      const text = plainText(part, noteNumbers).trim();
      if (all.length === 1 || text.length >= 12)
        pieces.push({ where: all.length === 1 ? where : `${where} (part ${i + 1})`, text });
    });
  };
  for (const [i, t] of (data.key_developments as string[]).entries())
    add(`key_developments[${i}]`, t);
  for (const [i, t] of (data.recommendations as string[]).entries())
    add(`recommendations[${i}]`, t);
  const blocks = (where: string, list: Block[]) => {
    for (const [j, b] of list.entries()) {
      if ('p' in b) add(`${where}.blocks[${j}].p`, b.p);
      if ('list' in b)
        for (const [k, t] of b.list.entries()) add(`${where}.blocks[${j}].list[${k}]`, t);
      if ('table' in b && data.other_tables?.[b.table]) {
        const rows = data.other_tables[b.table].rows as (string | number)[][];
        for (const [r, row] of rows.entries()) {
          for (const [c, cell] of row.entries()) {
            if (typeof cell === 'string') add(`other_tables.${b.table}.rows[${r}][${c}]`, cell);
          }
        }
      }
    }
  };
  for (const [i, s] of (data.sections as Section[]).entries()) {
    blocks(`sections[${i}]`, s.blocks);
    for (const [k, sub] of (s.subsections ?? []).entries())
      blocks(`sections[${i}].subsections[${k}]`, sub.blocks);
  }
  return pieces;
}

/** Counts the places `needle` occurs in `haystack` (overlaps included). */
export function occurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}
