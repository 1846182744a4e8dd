import { PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  creator: string;
  /** ISO date; also the modification date, so the same data gives the same metadata. */
  date: string;
}

/** Sets the document information Chromium cannot: author, subject, keywords, dates from the data. */
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
  return doc.save({ useObjectStreams: false, updateFieldAppearances: false });
}
