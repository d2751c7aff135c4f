// PDFs made in parts (one per worker thread) put together as the one document a reader opens: pdf-lib (a
// maintained, dependency-free PDF library) copies every page with what it draws with (its fonts, its
// content) in order. The document's properties are those of a report made in one go (title, author,
// producer, the production time as its dates: no "now"), so the same statements give the same bytes.
import { PDFDocument } from 'pdf-lib';

export interface MergedInfo {
  title: string;
  author: string;
  producedAt: Date;
}

export async function mergePdfs(parts: Uint8Array[], info: MergedInfo): Promise<Uint8Array> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const bytes of parts) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of await merged.copyPages(part, part.getPageIndices())) merged.addPage(page);
  }
  merged.setTitle(info.title);
  merged.setAuthor(info.author);
  merged.setCreator('Chapter Ledger');
  merged.setProducer('Chapter Ledger');
  merged.setCreationDate(info.producedAt);
  merged.setModificationDate(info.producedAt);
  // Classic cross-reference table, as pdfkit writes it (every reader, old print drivers too).
  return merged.save({ useObjectStreams: false });
}
