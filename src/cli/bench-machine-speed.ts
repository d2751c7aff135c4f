// npm run bench (part): how fast this machine was while the bench ran. The machines the bench runs on are shared:
// the same JavaScript loop took 450 ms and 700 ms a minute apart with nothing else of ours running (2026-11-25), and
// every figure of the run moves with it. A fixed piece of work — a JavaScript loop and 20,000 inserts into an
// in-memory SQLite table with three indexes — is timed at the start and at the end of the run, and printed beside
// the targets, so a figure read against its target can be read against the machine's speed that day too.
import Database from 'better-sqlite3';

export interface SpeedSample {
  /** Median of the runs of the JavaScript loop, ms. */
  js: number;
  /** Median of the runs of the SQLite inserts, ms. */
  sqlite: number;
}

const samples: Array<{ when: string; sample: SpeedSample }> = [];

function median(run: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    run();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

let sink = 0;
/** The fixed work: a JavaScript loop, and 20,000 inserts into a new in-memory table with three indexes. */
const work = {
  js: () => {
    let s = 0;
    for (let i = 0; i < 60_000_000; i++) s += i % 7;
    sink += s;
    if (sink === -1) console.log(sink); // keeps the loop from being optimised away
  },
  sqlite: () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT NOT NULL, b TEXT NOT NULL, n INTEGER NOT NULL); CREATE INDEX t_a ON t (a); CREATE INDEX t_b ON t (b, n)');
    const insert = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(`row-${i}`, `member-${i % 60}`, `meeting-${i % 500}`, i);
    })();
    db.close();
  },
};

let warmedUp = false;

/** Times the fixed work now and keeps it under `when` ("start", "end"); the first call runs it once untimed (compiling it). */
export function sampleMachineSpeed(when: string, runs = 5): SpeedSample {
  const { js, sqlite } = work;
  if (!warmedUp) {
    js();
    sqlite();
    warmedUp = true;
  }
  const sample = { js: median(js, runs), sqlite: median(sqlite, runs) };
  recordMachineSpeed(when, sample);
  return sample;
}

/** Keeps a sample (also for the test of the line). */
export function recordMachineSpeed(when: string, sample: SpeedSample): void {
  samples.push({ when, sample });
}

/** "JS loop 452 ms, SQLite inserts 61 ms at the start; 701 ms, 88 ms at the end (1.55× and 1.44× the quickest)". */
export function machineSpeedLine(): string {
  if (samples.length === 0) return 'Machine speed: not sampled in this run.';
  const quickest = { js: Math.min(...samples.map((s) => s.sample.js)), sqlite: Math.min(...samples.map((s) => s.sample.sqlite)) };
  const parts = samples.map(({ when, sample }) => `${when}: JS loop ${sample.js.toFixed(0)} ms (${(sample.js / quickest.js).toFixed(2)}×), SQLite inserts ${sample.sqlite.toFixed(0)} ms (${(sample.sqlite / quickest.sqlite).toFixed(2)}×)`);
  return `Machine speed (the same fixed work timed during the run; × the quickest time of this run, so 1.50× means that part of the run had two thirds of the machine): ${parts.join('; ')}`;
}
