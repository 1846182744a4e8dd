import { PDFArray, PDFDocument, PDFHexString } from 'pdf-lib';
import type { RenderedReport } from '../render/render-report.js';
import { VERSION } from '../version.js';
import { normaliseStructureIds } from './deterministic.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  /** ISO date; also the modification date, so the same data gives the same metadata. */
  date: string;
  /** The document ID (hex), derived from the inputs so a rebuild of the same data matches. */
  documentId: string;
}

/**
 * Sets what Chromium cannot: author, subject, keywords, and dates and document ID from the
 * data, then makes the bytes reproducible.
 */
export async function setPdfMetadata(pdf: Uint8Array, m: PdfMetadata): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const date = new Date(`${m.date}T00:00:00Z`);
  doc.setTitle(m.title, { showInWindowTitleBar: true });
  doc.setAuthor(m.author);
  doc.setSubject(m.subject);
  doc.setKeywords(m.keywords);
  doc.setCreator(m.creator);
  doc.setProducer(`${m.creator} (Chromium, pdf-lib)`);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const id = PDFHexString.of(m.documentId);
  doc.context.trailerInfo.ID = PDFArray.withContext(doc.context);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  (doc.context.trailerInfo.ID as PDFArray).push(id);
  const saved = await doc.save({ useObjectStreams: false, updateFieldAppearances: false });
  return normaliseStructureIds(saved);
}

/** The metadata of a rendered document; `inputsHash` makes its document ID. */
export function metadataFor(rendered: RenderedReport, inputsHash: string): PdfMetadata {
  return {
    title: rendered.meta.title,
    author: rendered.meta.author,
    subject: rendered.meta.subject,
    keywords: rendered.meta.keywords,
    creator: `keydata ${VERSION}`,
    date: rendered.meta.published,
    documentId: inputsHash.slice(0, 32),
  };
}
