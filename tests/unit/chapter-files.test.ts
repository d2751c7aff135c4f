// Chapter files as documents: File → New chapter…, Open recent, and the demo in a file of its own.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceMigrationsFolder } from '../../src/db/paths';
import { ChapterFile } from '../../src/server/chapter-file';
import { lockFileOf } from '../../src/server/chapter-lock';
import { ChapterWorkspace, demoChapterFile, lastOpenedChapterFile, recentListFile } from '../../src/server/chapter-workspace';
import { createRegistry, type Registry } from '../../src/server/registry';
import { saveChapter } from '../../src/services/chapter';

const chapterDetails = (name: string) => ({ name, region: '', meetingWeekday: 3, meetingTime: '07:00', currency: 'USD', locale: 'en-US', absenceLimit: 3, absenceWindowMonths: 6, noReferralWeeks: 4, openReferralDays: 30 });

const toClose: Array<{ close(): void }> = [];
afterEach(() => {
  while (toClose.length) toClose.pop()!.close();
});

/** The app as a secretary has it: one chapter file open, the recent list in the user-data folder. */
function app(folder = mkdtempSync(path.join(tmpdir(), 'ledger-files-'))) {
  const userData = path.join(folder, 'user-data');
  const workspace = ChapterWorkspace.open({ userDataFolder: userData, migrationsFolder: sourceMigrationsFolder, chaptersFolder: folder }, path.join(folder, 'harbour.sqlite'));
  toClose.push(workspace);
  const api: Registry = createRegistry(
    {
      get db() {
        return workspace.chapterFile.db;
      },
      get file() {
        return workspace.file;
      },
      get chapterFile() {
        return workspace.chapterFile;
      },
      workspace,
      appVersion: 'test',
    },
    () => {},
  );
  const call = async <T = any>(method: string, input: unknown = {}): Promise<T> => {
    const result = await api.callAsync(method, input);
    if (!result.ok) throw new Error(`${method} refused: ${result.error.message}`);
    return result.value as T;
  };
  const refusal = async (method: string, input: unknown = {}) => {
    const result = await api.callAsync(method, input);
    if (result.ok) throw new Error(`${method} was accepted`);
    return result.error;
  };
  return { folder, userData, workspace, api, call, refusal };
}

describe('File → New chapter… and Open recent', () => {
  it('a second chapter gets its own new file, and Open recent goes back to the first with its data intact', async () => {
    const { folder, userData, workspace, call } = app();
    saveChapter(workspace.chapterFile.db, chapterDetails('Harbour Connectors 港灣'));
    await call('saveClassification', { name: 'Plumbing', sphereId: null });

    const created = await call('newChapterFile', { fileName: 'Riverside Growth' });
    expect(created).toMatchObject({ file: path.join(folder, 'Riverside Growth.sqlite'), chapterName: null });
    expect(await call('getChapter')).toBeNull();
    expect(await call('listClassifications')).toEqual([]);
    await call('saveChapter', chapterDetails('Riverside Growth نمو'));
    await call('saveClassification', { name: 'Accountant', sphereId: null });

    const recent = await call('listRecentChapters');
    expect(recent.files.map((f: any) => [f.chapterName, f.open])).toEqual([
      ['Riverside Growth نمو', true],
      ['Harbour Connectors 港灣', false],
    ]);
    // The list lives outside every chapter file.
    expect(JSON.parse(readFileSync(recentListFile(userData), 'utf8')).files).toHaveLength(2);

    const back = await call('openRecentChapter', { file: path.join(folder, 'harbour.sqlite') });
    expect(back.chapterName).toBe('Harbour Connectors 港灣');
    expect((await call('listClassifications')).map((c: any) => c.name)).toEqual(['Plumbing']);
    await call('openRecentChapter', { file: path.join(folder, 'Riverside Growth.sqlite') });
    expect((await call('getChapter')).name).toBe('Riverside Growth نمو');
    expect((await call('listClassifications')).map((c: any) => c.name)).toEqual(['Accountant']);
    // The next start opens the chapter open last.
    expect(lastOpenedChapterFile(userData)).toBe(path.join(folder, 'Riverside Growth.sqlite'));
  });

  it('refuses a name already taken, a name that is a path, and an empty name, changing nothing', async () => {
    const { folder, workspace, refusal } = app();
    saveChapter(workspace.chapterFile.db, chapterDetails('Harbour Connectors'));
    writeFileSync(path.join(folder, 'Taken.sqlite'), 'my holiday photos');
    expect(await refusal('newChapterFile', { fileName: 'Taken' })).toMatchObject({ field: 'fileName', message: expect.stringContaining('There is already a file called Taken.sqlite') });
    expect(readFileSync(path.join(folder, 'Taken.sqlite'), 'utf8')).toBe('my holiday photos');
    expect(await refusal('newChapterFile', { fileName: '../elsewhere' })).toMatchObject({ field: 'fileName' });
    expect(await refusal('newChapterFile', { fileName: '   ' })).toMatchObject({ field: 'fileName', message: expect.stringContaining('File name is empty') });
    expect(existsSync(path.join(tmpdir(), 'elsewhere.sqlite'))).toBe(false);
    expect(workspace.file).toBe(path.join(folder, 'harbour.sqlite'));
  });

  it('a recent chapter open in another Chapter Ledger is refused by its lock, and the open chapter stays open', async () => {
    const { folder, workspace, call, refusal } = app();
    saveChapter(workspace.chapterFile.db, chapterDetails('Harbour Connectors'));
    await call('newChapterFile', { fileName: 'Second' });
    await call('openRecentChapter', { file: path.join(folder, 'harbour.sqlite') });
    // Another process on this computer (our parent, alive) holds the second file.
    writeFileSync(lockFileOf(path.join(folder, 'Second.sqlite')), JSON.stringify({ pid: process.ppid, host: hostname(), since: '2026-11-23T10:00:00.000Z', app: 'Chapter Ledger' }));
    const error = await refusal('openRecentChapter', { file: path.join(folder, 'Second.sqlite') });
    expect(error.code).toBe('locked');
    expect(error.message).toContain('is open in another Chapter Ledger');
    expect((await call('getChapter')).name).toBe('Harbour Connectors');
  });

  it('a recent file that is no longer a chapter file, or is gone, is refused by the file checks and nothing changes', async () => {
    const { folder, workspace, call, refusal } = app();
    saveChapter(workspace.chapterFile.db, chapterDetails('Harbour Connectors'));
    await call('newChapterFile', { fileName: 'Second' });
    await call('newChapterFile', { fileName: 'Third' });
    await call('openRecentChapter', { file: path.join(folder, 'harbour.sqlite') });
    writeFileSync(path.join(folder, 'Second.sqlite'), 'SQLite format 3\u0000 but not really');
    expect((await refusal('openRecentChapter', { file: path.join(folder, 'Second.sqlite') })).message).toMatch(/^Second\.sqlite cannot be opened: it is not a Chapter Ledger file.*The chapter you had open stays open/);
    const { rmSync } = await import('node:fs');
    rmSync(path.join(folder, 'Third.sqlite'));
    expect((await refusal('openRecentChapter', { file: path.join(folder, 'Third.sqlite') })).message).toContain('is no longer in');
    expect((await call('listRecentChapters')).files.find((f: any) => f.file.endsWith('Third.sqlite')).missing).toBe(true);
    // A file the window names that was never opened here is refused too.
    expect((await refusal('openRecentChapter', { file: '/etc/passwd' })).message).toContain('is not in the list of recent chapters');
    expect((await call('getChapter')).name).toBe('Harbour Connectors');
    await call('forgetRecentChapter', { file: path.join(folder, 'Third.sqlite') });
    expect((await call('listRecentChapters')).files).toHaveLength(2);
  });
});

describe('File → Open chapter file…', () => {
  it('opens the picked file itself beside the open one, never copying one chapter over the other', async () => {
    const { folder, workspace, call } = app();
    saveChapter(workspace.chapterFile.db, chapterDetails('Harbour Connectors 港灣'));
    await call('saveClassification', { name: 'Plumbing', sphereId: null });
    // A chapter file kept elsewhere (a USB stick, another folder), never opened on this computer.
    const elsewhere = path.join(mkdtempSync(path.join(tmpdir(), 'ledger-usb-')), 'Riverside.sqlite');
    const other = new ChapterFile(elsewhere, sourceMigrationsFolder);
    saveChapter(other.db, chapterDetails('Riverside Growth نمو'));
    other.close();

    expect(workspace.openChosen(elsewhere)).toEqual({ file: elsewhere, chapterName: 'Riverside Growth نمو' });
    expect(workspace.file).toBe(elsewhere);
    expect(await call('listClassifications')).toEqual([]);
    await call('saveClassification', { name: 'Accountant', sphereId: null });
    // The first chapter's file was closed as it was, and is one click away in Open recent.
    expect((await call('listRecentChapters')).files.map((f: any) => [f.chapterName, f.open])).toEqual([
      ['Riverside Growth نمو', true],
      ['Harbour Connectors 港灣', false],
    ]);
    await call('openRecentChapter', { file: path.join(folder, 'harbour.sqlite') });
    expect((await call('listClassifications')).map((c: any) => c.name)).toEqual(['Plumbing']);
    await call('openRecentChapter', { file: elsewhere });
    expect((await call('listClassifications')).map((c: any) => c.name)).toEqual(['Accountant']);
  });

  it('a picked file that is not a chapter file, is gone, or is the one already open is refused in words, and the open chapter stays open', () => {
    const { folder, workspace } = app();
    saveChapter(workspace.chapterFile.db, chapterDetails('Harbour Connectors'));
    const photos = path.join(folder, 'holiday.db');
    writeFileSync(photos, 'my holiday photos');
    expect(() => workspace.openChosen(photos)).toThrow(/^holiday\.db cannot be opened: .*The chapter you had open stays open; nothing was changed\.$/);
    expect(readFileSync(photos, 'utf8')).toBe('my holiday photos');
    expect(() => workspace.openChosen(path.join(folder, 'gone.sqlite'))).toThrow(/gone\.sqlite is not in .*Nothing was changed\./);
    expect(() => workspace.openChosen(path.join(folder, 'harbour.sqlite'))).toThrow(/already open/);
    expect(workspace.file).toBe(path.join(folder, 'harbour.sqlite'));
    expect(getChapterName(workspace)).toBe('Harbour Connectors');
  });
});

const getChapterName = (workspace: ChapterWorkspace) => (workspace.chapterFile.sqlite.prepare('SELECT name FROM chapter').pluck().get() as string | undefined) ?? null;

describe('Explore the demo', () => {
  it('opens the demo in its own file, labelled, never in the chapter file that was open', async () => {
    const { folder, userData, workspace, call } = app();
    // A brand-new secretary: an empty chapter file, then "Explore the demo".
    const opened = await call('openDemoChapter');
    expect(opened.file).toBe(demoChapterFile(userData));
    expect(workspace.isDemo).toBe(true);
    expect((await call('appStatus')).isDemo).toBe(true);
    expect((await call('appStatus')).memberCount).toBeGreaterThan(20);
    // The demo is not a recent chapter; the empty real file is, to go back to.
    const recent = await call('listRecentChapters');
    expect(recent.demoOpen).toBe(true);
    expect(recent.files.map((f: any) => f.file)).toEqual([path.join(folder, 'harbour.sqlite')]);

    await call('openRecentChapter', { file: path.join(folder, 'harbour.sqlite') });
    expect(await call('getChapter')).toBeNull();
    expect((await call('appStatus')).memberCount).toBe(0);
    expect((await call('appStatus')).isDemo).toBe(false);
    expect(lastOpenedChapterFile(userData)).toBe(path.join(folder, 'harbour.sqlite'));
    workspace.close();
    toClose.pop();
    // The real file holds no demo member, slip or meeting.
    const real = new ChapterFile(path.join(folder, 'harbour.sqlite'), sourceMigrationsFolder);
    try {
      for (const table of ['members', 'meetings', 'referrals', 'tyfcb_slips', 'classifications', 'chapter']) expect(real.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    } finally {
      real.close();
    }
  });

  it('opening the demo again keeps what was tried in it, and a real chapter is never turned into the demo', async () => {
    const { folder, workspace, call } = app();
    saveChapter(workspace.chapterFile.db, chapterDetails('Harbour Connectors'));
    await call('openDemoChapter');
    const demoName = (await call('getChapter')).name;
    await call('saveClassification', { name: 'Tried in the demo', sphereId: null });
    await call('openRecentChapter', { file: path.join(folder, 'harbour.sqlite') });
    expect((await call('getChapter')).name).toBe('Harbour Connectors');
    await call('openDemoChapter');
    expect((await call('getChapter')).name).toBe(demoName);
    expect((await call('listClassifications')).some((c: any) => c.name === 'Tried in the demo')).toBe(true);
  });

  it('without the app (one file only) switching is refused in words', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'ledger-files-'));
    const chapter = new ChapterFile(path.join(folder, 'only.sqlite'), sourceMigrationsFolder);
    toClose.push(chapter);
    const api = createRegistry({ db: chapter.db, file: chapter.file, appVersion: 'test', chapterFile: chapter }, () => {});
    const result = await api.callAsync('openDemoChapter', {});
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('Switching chapter files needs the app') } });
    expect(chapter.sqlite.prepare('SELECT count(*) FROM members').pluck().get()).toBe(0);
  });
});
