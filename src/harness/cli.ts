// npm run harness -- --db <file> [--port N] [--demo]
import { parseArgs } from 'node:util';
import { loadDemoChapter } from '../services/demo';
import { getChapter } from '../services/chapter';
import { startHarness } from './server';

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string' },
    demo: { type: 'boolean', default: false },
  },
});

if (!values.db) {
  console.error('Usage: npm run harness -- --db <file> [--port N] [--demo]');
  process.exit(2);
}

const harness = await startHarness({ dbFile: values.db, port: values.port ? Number(values.port) : 0 });
if (values.demo && !getChapter(harness.database.db)) loadDemoChapter(harness.database.db);
console.log(`Chapter Ledger harness on ${values.db}`);
console.log(`Open: ${harness.openUrl}`);
const stop = () => harness.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
