// pdfmake's own modules (its layout builder, document, style stack), which the report engine adjusts.
// Run as ES modules (the app from source, tests) they are reached through createRequire; bundled as
// CommonJS (a worker thread's script) `import.meta.url` is not there, and the script's own require is used.
import { createRequire } from 'node:module';

declare const require: ((id: string) => unknown) | undefined;

export function requirePdfmake<T>(id: string): T {
  const load = typeof require === 'function' ? require : createRequire(import.meta.url);
  return load(id) as T;
}
