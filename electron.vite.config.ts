import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The import parser runs in a worker thread: its entry is built beside main.js (out/main/parse-worker.js).
      // esbuild (a dev tool) compiles the worker only when run from source (tests): never bundled into the app.
      // The start-up integrity check's worker likewise (out/main/integrity-worker.js), the audit log's full check's (out/main/audit-check-worker.js),
      // and the one making all member statements (out/main/statements-worker.js).
      rolldownOptions: { input: { main: resolve('electron/main.ts'), 'parse-worker': resolve('src/imports/parse-worker.ts'), 'integrity-worker': resolve('src/db/integrity-worker.ts'), 'audit-check-worker': resolve('src/services/audit-check-worker.ts'), 'statements-worker': resolve('src/reports/statements-worker.ts') }, external: ['esbuild'] },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module, and may require only 'electron': bundle everything as CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      // electron-vite leaves the renderer unminified by default: 2.8 MB of JavaScript to parse at start-up.
      minify: true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
