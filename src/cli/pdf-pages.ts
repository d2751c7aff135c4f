// npm run pdf-pages -- <file.pdf> [out-dir]: renders every page of a PDF to PNG for people to look at.
// Uses what this machine has: poppler's pdftoppm when installed (fast, exact), else the browser the UI
// tests use, drawing each page with pdfjs-dist on a canvas (no system package needed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { resolveBrowser } from './find-browser';

const [fileArg, outArg] = process.argv.slice(2);
if (!fileArg || !existsSync(fileArg)) {
  console.error('Usage: npm run pdf-pages -- <file.pdf> [out-dir]  (the PDF must exist)');
  process.exit(2);
}
const file: string = fileArg;
const outDir = outArg ?? path.join(path.dirname(file), `${path.basename(file, '.pdf')}-pages`);
mkdirSync(outDir, { recursive: true });
const prefix = path.join(outDir, 'page');

function hasPdftoppm(): boolean {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function withBrowser(): Promise<number> {
  const pdfjsBuild = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.mjs'));
  const executablePath = resolveBrowser({ env: process.env, platform: process.platform, exists: existsSync, playwrightChromium: () => chromium.executablePath() }).executablePath;
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage();
    // A made-up origin serves pdf.js's own files and the PDF to the page; nothing leaves the machine.
    await page.route('http://pdf-pages.invalid/**', (route) => {
      const name = new URL(route.request().url()).pathname.slice(1);
      if (name === 'index.html') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><body></body>' });
      if (name === 'document.pdf') return route.fulfill({ contentType: 'application/pdf', body: readFileSync(file) });
      return route.fulfill({ contentType: 'text/javascript', body: readFileSync(path.join(pdfjsBuild, path.basename(name))) });
    });
    await page.goto('http://pdf-pages.invalid/index.html');
    const pages: string[] = await page.evaluate(async () => {
      const pdfjs = await import('http://pdf-pages.invalid/pdf.mjs' as string);
      pdfjs.GlobalWorkerOptions.workerSrc = 'http://pdf-pages.invalid/pdf.worker.mjs';
      const doc = await pdfjs.getDocument({ url: 'http://pdf-pages.invalid/document.pdf' }).promise;
      const images: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const pdfPage = await doc.getPage(n);
        const viewport = pdfPage.getViewport({ scale: 1 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        await pdfPage.render({ canvas, viewport }).promise;
        images.push(canvas.toDataURL('image/png'));
      }
      return images;
    });
    pages.forEach((dataUrl, i) => writeFileSync(`${prefix}-${i + 1}.png`, Buffer.from(dataUrl.split(',')[1]!, 'base64')));
    return pages.length;
  } finally {
    await browser.close();
  }
}

if (hasPdftoppm()) {
  execFileSync('pdftoppm', ['-png', '-r', '72', file, prefix]);
  console.log(`Pages of ${file} written to ${outDir} (pdftoppm).`);
} else {
  const count = await withBrowser();
  console.log(`${count} page(s) of ${file} written to ${outDir} (pdf.js in the test browser).`);
}
