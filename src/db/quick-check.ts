// The structural check a chapter file gets when it opens (SQLite's quick_check over every page). Kept
// apart so the background check's worker (integrity-worker.ts) runs exactly the same check without
// loading the rest of the app.
import type Database from 'better-sqlite3';

/** 'ok', or what SQLite found first. */
export function quickCheck(sqlite: Database.Database): string {
  return String(sqlite.pragma('quick_check', { simple: true }));
}

/** "*** in database main ***\nFragmentation of … on page 102\n…" → 'Fragmentation of … on page 102" and 2 more problems' for a sentence. */
export function describeProblems(found: string): string {
  const problems = found.replace(/\*\*\* in database \w+ \*\*\*/g, '').split('\n').map((line) => line.trim()).filter(Boolean);
  const more = problems.length > 1 ? ` and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}` : '';
  return `"${(problems[0] ?? found).slice(0, 100)}"${more}`;
}
