// The one place a report definition becomes PDF bytes. Fonts are files under resources/fonts
// loaded by absolute path; pdfmake may fetch no URL and read nothing outside that folder. Every
// string is split into runs by script first (text-runs.ts), so each prints in a font that has it.
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FontChooser, pdfmakeFonts } from './fonts';
import { decidePageBreaksPartByPart } from './page-breaks';
import { fastPdfWriting } from './pdf-writing';
import { shareFontsAcrossDocuments } from './shared-fonts';
import { fastStyleLookups } from './style-lookup';
import { wholeTableRules } from './table-lines';
import { measureTextOncePerDocument } from './measure-once';
import { localizeDocument } from './text-runs';
import { writeWholeLines } from './whole-line-text';
import { askStylesOncePerPiece } from './word-styles';

export interface RenderOptions {
  /** Absolute path of the fonts folder (resources/fonts in the tree, <resources>/fonts when packaged). */
  fontsDir: string;
}

let configured: { dir: string; chooser: FontChooser } | null = null;

function configure(fontsDir: string): FontChooser {
  const dir = path.resolve(fontsDir);
  if (configured?.dir === dir) return configured.chooser;
  pdfmake.setFonts(pdfmakeFonts(dir));
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(dir + path.sep));
  shareFontsAcrossDocuments();
  decidePageBreaksPartByPart();
  fastStyleLookups();
  writeWholeLines();
  fastPdfWriting();
  wholeTableRules();
  askStylesOncePerPiece();
  measureTextOncePerDocument();
  configured = { dir, chooser: new FontChooser(dir) };
  return configured.chooser;
}

/** The definition as it is handed to pdfmake: every string in runs of one font each. */
export function printableDefinition(definition: TDocumentDefinitions, options: RenderOptions): TDocumentDefinitions {
  return localizeDocument(definition, configure(options.fontsDir));
}

export async function renderPdf(definition: TDocumentDefinitions, options: RenderOptions): Promise<Buffer> {
  return pdfmake.createPdf(printableDefinition(definition, options)).getBuffer();
}
