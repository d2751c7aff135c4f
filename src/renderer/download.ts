// Saves what the ledger produced (CSV, PDF) as a file: the browser's download in the harness, and
// Electron's save dialog in the app (main remembers the folder the secretary last chose).
export function downloadBytes(fileName: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(fileName: string, text: string, type: string): void {
  // A byte-order mark so spreadsheet programs read accented names as UTF-8.
  downloadBytes(fileName, `\ufeff${text}`, type);
}

export function pdfBlobUrl(bytes: Uint8Array): string {
  return URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
}
