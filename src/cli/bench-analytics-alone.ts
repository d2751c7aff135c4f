// The analytic part of the scale bench alone, on a file you already have (a copy: opening migrates it):
//   npx tsx src/cli/bench-analytics-alone.ts /tmp/copy-of-1m.sqlite [runs]
// Each analytic query as the screens call it, against a full scan of the slips and against its raw
// query (./bench-raw-queries), wall and CPU, medians.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../db/open';
import { sourceMigrationsFolder } from '../db/paths';
import { quarterOf } from '../shared/periods';
import { analyticFigures } from './bench-analytics';
import { medianAfterWarmUp } from './bench-targets';

const file = process.argv[2];
if (!file) throw new Error('usage: bench-analytics-alone.ts <chapter file> [runs]');
const runs = Number(process.argv[3]) || 7;
const opened = openDatabase(file, { migrationsFolder: sourceMigrationsFolder, integrityCheck: 'later' });
const { db } = opened;
const lastMeeting = db.get<{ d: string }>(sql`SELECT max(meeting_on) AS d FROM meetings WHERE status = 'completed'`)!.d;
const quarter = quarterOf(lastMeeting);
const from = new Date(`${quarter.from}T00:00:00Z`);
from.setUTCMonth(from.getUTCMonth() - 3);
const sixMonths = { from: from.toISOString().slice(0, 10), to: quarter.to };

const median = (run: () => unknown) => medianAfterWarmUp(run, runs);

const floor = median(() => db.get(sql`SELECT (SELECT sum(temperature) FROM referrals NOT INDEXED) + (SELECT sum(amount_minor) FROM tyfcb_slips NOT INDEXED)
  + (SELECT count(note) FROM one_to_ones NOT INDEXED) + (SELECT count(name) FROM visitors NOT INDEXED) + (SELECT sum(credits) FROM ceus NOT INDEXED) AS n`));
console.log(`${file}: last closed meeting ${lastMeeting}, quarter ${quarter.from}…${quarter.to}; full scan ${floor.wall.toFixed(1)} ms wall, ${floor.cpu.toFixed(1)} ms CPU`);
console.log('query | wall ms | CPU ms | of full scan (wall / CPU) | raw wall / CPU ms | × raw (wall / CPU)');
for (const f of analyticFigures(db, opened.sqlite, quarter, sixMonths, lastMeeting)) {
  const s = median(f.service);
  const r = median(f.raw);
  console.log(`${f.name} | ${s.wall.toFixed(1)} | ${s.cpu.toFixed(1)} | ${(s.wall / floor.wall).toFixed(3)} / ${(s.cpu / floor.cpu).toFixed(3)} | ${r.wall.toFixed(1)} / ${r.cpu.toFixed(1)} (${f.rawIs}) | ${(s.wall / r.wall).toFixed(2)} / ${(s.cpu / r.cpu).toFixed(2)}`);
}
opened.close();
