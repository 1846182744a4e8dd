import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  type PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { linkTarget, readStructure, text, walk, type StructNode } from './structure.js';
import { titleOutline } from '../outline.js';
import { applyPdfMetadata, type PdfMetadata } from '../metadata.js';
import { normaliseStructureIds } from '../deterministic.js';

/**
 * Finishing steps for the screen PDF, after Chromium's tags (which already give headings,
 * paragraphs, lists, tables with TH and scope, figures with Alt from <img alt>, links owning
 * their annotations, /Lang, artifacts for running heads):
 *
 * - RoleMap for the PDF 2.0 types Chromium writes into a PDF 1.7 file (Aside, Em, Strong...):
 *   readers that only know PDF 1.7 (poppler, so many Linux readers) otherwise drop the whole
 *   element, the KEY DATA box with it.
 * - Footnotes become Note elements whose ID is the note's anchor, the destination of its
 *   reference's link; the list that held them becomes a Div.
 * - A Figure that only wraps a Figure (the <figure> around a chart's <img>) becomes a Div,
 *   so every Figure is one image with its Alt.
 * - Every link annotation gets Contents (what it goes to), as PDF/UA asks.
 * - The metadata Chromium cannot set (src/pdf/metadata.ts), and structure ids renumbered so
 *   the same input prints the same bytes: in the same parse and save, once per profile.
 * - Saved with object streams: the structure tree is half the file uncompressed.
 */
export async function finishScreenPdf(
  /** Chromium's PDF as printed. */
  pdf: Uint8Array,
  /** The document's headings as written, for the bookmarks (src/pdf/outline.ts). */
  headings: readonly string[],
  metadata: PdfMetadata,
): Promise<{ pdf: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(normaliseStructureIds(pdf), { updateMetadata: false });
  applyPdfMetadata(doc, metadata);
  titleOutline(doc, headings);
  const { root, tree } = readStructure(doc);
  if (root) {
    const notes = tagNotes(tree);
    unwrapFigures(tree);
    addIds(doc, root, notes);
    mapRoles(doc, root, tree);
  }
  describeLinks(doc);
  const saved = await doc.save({ useObjectStreams: true, updateFieldAppearances: false });
  return { pdf: saved, pages: doc.getPageCount() };
}

/** PDF 1.7's standard structure types (ISO 32000-1, 14.8.4). */
const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
    ' ',
  ),
);
/** PDF 2.0 types and what they are in PDF 1.7. */
const PDF2_ROLES: Record<string, string> = {
  Aside: 'Sect',
  DocumentFragment: 'Div',
  Title: 'P',
  FENote: 'Note',
  Sub: 'Span',
  Em: 'Span',
  Strong: 'Span',
  Artifact: 'NonStruct',
};

const setType = (n: StructNode, type: string) => {
  n.dict.set(PDFName.of('S'), PDFName.of(type));
  n.type = type;
  n.role = type;
};

/** Footnotes: the list item holding a link back to "...note-ref-N" is note "...note-N". */
function tagNotes(tree: StructNode[]): { id: string; ref: PDFRef }[] {
  const notes: { id: string; ref: PDFRef }[] = [];
  const lists = new Set<StructNode>();
  const visit = (nodes: StructNode[], parent: StructNode | undefined) => {
    for (const n of nodes) {
      if (n.role === 'LI' && parent?.role === 'L') {
        const back = [...walk([n])]
          .flatMap((d) => d.links)
          .find((l) => l.dest && /note-ref-\d+$/.test(l.dest));
        if (back?.dest && n.ref) {
          const id = back.dest.replace(/note-ref-(\d+)$/, 'note-$1');
          setType(n, 'Note');
          n.dict.set(PDFName.of('ID'), PDFString.of(id));
          notes.push({ id, ref: n.ref });
          lists.add(parent);
          continue;
        }
      }
      visit(n.children, n);
    }
  };
  visit(tree, undefined);
  for (const list of lists) if (list.children.every((c) => c.role === 'Note')) setType(list, 'Div');
  return notes;
}

function unwrapFigures(tree: StructNode[]): void {
  for (const n of walk(tree)) {
    if (n.role === 'Figure' && !n.alt && n.children.some((c) => c.role === 'Figure'))
      setType(n, 'Div');
  }
}

/** Adds the notes' IDs to the ID tree, rewritten as one sorted leaf (names sort as bytes). */
function addIds(doc: PDFDocument, root: PDFDict, notes: { id: string; ref: PDFRef }[]): void {
  if (notes.length === 0) return;
  const entries = new Map<string, PDFObject>();
  const collect = (node: PDFObject | undefined) => {
    const d = node === undefined ? undefined : doc.context.lookup(node);
    if (!(d instanceof PDFDict)) return;
    const names = d.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; names && i + 1 < names.size(); i += 2) {
      const key = text(names.lookup(i));
      if (key !== undefined) entries.set(key, names.get(i + 1));
    }
    const kids = d.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (const k of kids?.asArray() ?? []) collect(k);
  };
  collect(root.get(PDFName.of('IDTree')));
  for (const n of notes) {
    if (entries.has(n.id)) throw new Error(`structure: two elements with ID ${n.id}`);
    entries.set(n.id, n.ref);
  }
  const sorted = [...entries].sort(([a], [b]) =>
    Buffer.compare(Buffer.from(a, 'latin1'), Buffer.from(b, 'latin1')),
  );
  const names = PDFArray.withContext(doc.context);
  for (const [key, value] of sorted) {
    names.push(PDFString.of(key));
    names.push(value);
  }
  root.set(PDFName.of('IDTree'), doc.context.register(doc.context.obj({ Names: names })));
}

function mapRoles(doc: PDFDocument, root: PDFDict, tree: StructNode[]): void {
  const types = new Set([...walk(tree)].map((n) => n.type));
  const missing = [...types].filter((t) => t && !STANDARD.has(t));
  if (missing.length === 0) return;
  let roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict);
  if (!roleMap) {
    roleMap = doc.context.obj({});
    root.set(PDFName.of('RoleMap'), roleMap);
  }
  for (const t of missing) {
    if (!roleMap.has(PDFName.of(t)))
      roleMap.set(PDFName.of(t), PDFName.of(PDF2_ROLES[t] ?? 'NonStruct'));
  }
}

/** "Footnote 5", "Back to the reference to note 5", the web address, or the target's name. */
export function linkDescription(target: { dest?: string; uri?: string }): string | undefined {
  if (target.uri) return target.uri;
  if (!target.dest) return undefined;
  const local = target.dest.replace(/^.*--/, ''); // a volume scopes ids as "<country>--<id>"
  const ref = /note-ref-(\d+)$/.exec(local);
  if (ref) return `Back to the reference to note ${ref[1]}`;
  const note = /note-(\d+)$/.exec(local);
  if (note) return `Footnote ${note[1]}`;
  return `Go to ${local.replace(/-/g, ' ')}`;
}

function describeLinks(doc: PDFDocument): void {
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (const a of annots?.asArray() ?? []) {
      const annot = doc.context.lookup(a);
      if (
        !(annot instanceof PDFDict) ||
        text(annot.get(PDFName.of('Subtype'))) !== 'Link' ||
        annot.has(PDFName.of('Contents'))
      )
        continue;
      const description = linkDescription(linkTarget(doc, annot));
      if (description) annot.set(PDFName.of('Contents'), PDFHexString.fromText(description));
    }
  }
}
