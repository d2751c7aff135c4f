import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { members } from '../db/schema';
import type { AppStatus } from '../shared/contract';
import { getChapter } from './chapter';

export function appStatus(db: Db, info: { file: string; appVersion: string }): AppStatus {
  const count = db
    .select({ n: sql<number>`count(*)` })
    .from(members)
    .where(inArray(members.status, ['active', 'on_leave']))
    .get()!.n;
  return { appVersion: info.appVersion, databaseFile: info.file, hasChapter: getChapter(db) !== null, memberCount: count };
}
