// Saves text the ledger produced (CSV) as a file: the browser's download in the harness, and
// Electron's save dialog in the app (Electron asks where to save a download by default).
export function downloadText(fileName: string, text: string, type: string): void {
  // A byte-order mark so spreadsheet programs read accented names as UTF-8.
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
