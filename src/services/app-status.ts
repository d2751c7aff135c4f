import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { members } from '../db/schema';
import type { AppStatus } from '../shared/contract';
import { memberStatusesCounted } from '../shared/member-count';
import { getChapter } from './chapter';

export function appStatus(db: Db, info: { file: string; appVersion: string; isDemo?: boolean }): AppStatus {
  const counts = db
    .select({
      members: sql<number>`count(*) FILTER (WHERE ${inArray(members.status, [...memberStatusesCounted])})`,
      applicants: sql<number>`count(*) FILTER (WHERE ${members.status} = 'applicant')`,
    })
    .from(members)
    .get()!;
  return { appVersion: info.appVersion, databaseFile: info.file, hasChapter: getChapter(db) !== null, memberCount: counts.members, applicantCount: counts.applicants, isDemo: info.isDemo ?? false };
}
