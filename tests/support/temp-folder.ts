// Every temporary file a test run makes goes into one folder of its own, removed when the run ends.
// Tests make chapter files, backups and PDFs with mkdtemp under the system's temporary folder and leave them
// for the run to clean up (a failing test's files stay readable until then); without this, each run left
// ~2,000 folders behind (9.6 GB in /tmp on a machine after a few days of runs). Node's os.tmpdir() reads
// TMPDIR (TMP and TEMP on Windows) when called, and the test workers (and the harnesses, browsers and
// worker threads they start) inherit this process's environment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function useOneTemporaryFolder(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'ledger-test-run-'));
  const before = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = folder;
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    // KEEP_TEST_FILES=1 keeps them (to look at a failing run's files); the folder is printed then.
    if (process.env.KEEP_TEST_FILES) console.log(`Test files kept in ${folder}`);
    else rmSync(folder, { recursive: true, force: true, maxRetries: 3 });
  };
}
