// The one place a report definition becomes PDF bytes. Fonts are files under resources/fonts
// loaded by absolute path; pdfmake may fetch no URL and read nothing outside that folder.
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export interface RenderOptions {
  /** Absolute path of the fonts folder (resources/fonts in the tree, <resources>/fonts when packaged). */
  fontsDir: string;
}

let configuredFor: string | null = null;

function configure(fontsDir: string): void {
  if (configuredFor === fontsDir) return;
  const dir = path.resolve(fontsDir);
  const font = (file: string) => path.join(dir, 'DejaVu', file);
  pdfmake.setFonts({
    DejaVu: {
      normal: font('DejaVuSansCondensed.ttf'),
      bold: font('DejaVuSansCondensed-Bold.ttf'),
      italics: font('DejaVuSansCondensed-Oblique.ttf'),
      bolditalics: font('DejaVuSansCondensed-BoldOblique.ttf'),
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(dir + path.sep));
  configuredFor = fontsDir;
}

export async function renderPdf(definition: TDocumentDefinitions, options: RenderOptions): Promise<Buffer> {
  configure(options.fontsDir);
  return pdfmake.createPdf(definition).getBuffer();
}
