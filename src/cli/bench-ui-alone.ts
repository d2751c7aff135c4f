// The UI part of npm run bench alone, on a chapter file you name (a copy of it is used; the file itself
// is never written): npx tsx src/cli/bench-ui-alone.ts /path/to/chapter.sqlite
// Build the renderer first (npx electron-vite build). Figures only.
import { existsSync } from 'node:fs';
import { runUiBench, worstScreen, medianOf } from './bench-ui';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('Name a chapter file: npx tsx src/cli/bench-ui-alone.ts /path/to/chapter.sqlite');
  process.exit(1);
}
const figures = await runUiBench(file, file);
if (figures) {
  const worst = worstScreen(figures);
  console.log(`worst screen (median of its visits): ${worst.name} ${worst.ms.toFixed(0)} ms (CPU ${worst.cpu.toFixed(0)} ms); page load → Meeting screen's data, median ${medianOf(figures.load).toFixed(0)} ms (CPU ${medianOf(figures.loadCpu).toFixed(0)} ms)`);
}
