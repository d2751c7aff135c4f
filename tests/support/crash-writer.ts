// Child process of the crash test: records slips through the real registry as fast as it can and,
// after each save returns success, appends the slip's id to a log. The parent kills it with SIGKILL.
import { appendFileSync } from 'node:fs';
import { openDatabase } from '../../src/db/open';
import { createRegistry } from '../../src/server/registry';

const [file, migrationsFolder, log, meetingId, ...memberIds] = process.argv.slice(2) as [string, string, string, string, ...string[]];
const opened = openDatabase(file, { migrationsFolder });
const api = createRegistry({ db: opened.db, file, appVersion: 'crash-test' }, () => {});
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const giver = memberIds[i % memberIds.length]!;
  const receiver = memberIds[(i + 1) % memberIds.length]!;
  const result =
    i % 3 === 2
      ? api.call('saveTyfcb', { meetingId, closerId: receiver, referrerId: giver, amount: `${100 + (i % 900)}.${String(i % 100).padStart(2, '0')}`, confirmDuplicate: true })
      : api.call('saveReferral', { meetingId, giverId: giver, receiverId: receiver, prospectName: `Crash prospect ${process.pid}-${i}`, confirmDuplicate: true });
  if (!result.ok) throw new Error(result.error.message);
  // Written only after the save returned: every id here must be in the file, whatever happens next.
  appendFileSync(log, `${(result.value as { kind: string }).kind} ${(result.value as { id: string }).id}\n`);
}
