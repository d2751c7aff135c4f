// Chapter files as documents: which file is open, the recent files, a new chapter file, and the demo
// in a file of its own. The recent list lives outside every chapter file, in a small JSON in the app's
// user-data folder (Electron's userData; the harness's own folder), so opening one chapter never
// writes into another. Every switch opens the next file the way the app opens one — its one-process
// lock, its checks, its migrations — before the open one is closed: if the next file cannot be
// opened, the open one stays open and nothing changes.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkChapterFile } from '../services/backups';
import { getChapter } from '../services/chapter';
import { loadDemoChapter } from '../services/demo';
import { LedgerError } from '../shared/errors';
import { ChapterFile } from './chapter-file';

export interface RecentChapter {
  /** Absolute path of the chapter file. */
  file: string;
  /** The chapter's name when the file was last open (null: no chapter created in it yet). */
  chapterName: string | null;
  openedAt: string;
  /** The file is no longer where it was (moved, renamed, deleted). */
  missing: boolean;
  /** This is the file open now. */
  open: boolean;
}

interface RecentStore {
  version: 1;
  /** The chapter file the app opens next time it starts (never the demo). */
  last: string | null;
  files: Array<{ file: string; chapterName: string | null; openedAt: string }>;
}

export const RECENT_FILE = 'recent-chapters.json';
export const DEMO_FILE = 'demo-chapter.sqlite';
const MAX_RECENT = 10;

export interface WorkspaceOptions {
  /** The app's user-data folder: the recent list and the demo chapter file live here. */
  userDataFolder: string;
  migrationsFolder: string;
  /** Where a new chapter file goes when the host has no save dialog (the harness: beside the first file). */
  chaptersFolder: string;
  now?: () => Date;
}

export const recentListFile = (userDataFolder: string) => path.join(userDataFolder, RECENT_FILE);
export const demoChapterFile = (userDataFolder: string) => path.join(userDataFolder, DEMO_FILE);

/** The chapter file the app opened last (read at start-up), or null when there is none or it is gone. */
export function lastOpenedChapterFile(userDataFolder: string): string | null {
  const last = readStore(userDataFolder).last;
  return last && existsSync(last) ? last : null;
}

function readStore(userDataFolder: string): RecentStore {
  try {
    const parsed = JSON.parse(readFileSync(recentListFile(userDataFolder), 'utf8')) as Partial<RecentStore>;
    const files = Array.isArray(parsed.files)
      ? parsed.files.filter((f): f is RecentStore['files'][number] => typeof f?.file === 'string' && path.isAbsolute(f.file)).map((f) => ({ file: f.file, chapterName: typeof f.chapterName === 'string' ? f.chapterName : null, openedAt: String(f.openedAt ?? '') }))
      : [];
    return { version: 1, last: typeof parsed.last === 'string' ? parsed.last : null, files };
  } catch {
    // No list yet, or one that cannot be read: an empty list (the chapter files themselves are untouched).
    return { version: 1, last: null, files: [] };
  }
}

/** "Harbour 2027" → "Harbour 2027.sqlite"; refuses names that are paths or empty. */
export function chapterFileName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) throw new LedgerError('invalid_input', 'File name is empty. Type a name for the new chapter file, such as "Harbour Connectors".', 'fileName');
  if (/[\\/:*?"<>|\u0000-\u001f]/.test(trimmed) || trimmed.startsWith('.')) {
    throw new LedgerError('invalid_input', `File name "${trimmed}" cannot hold / \\ : * ? " < > | or start with a dot. Use letters, digits, spaces and dashes.`, 'fileName');
  }
  return /\.(sqlite|db)$/i.test(trimmed) ? trimmed : `${trimmed}.sqlite`;
}

export class ChapterWorkspace {
  private current: ChapterFile;
  private readonly now: () => Date;

  constructor(
    private readonly options: WorkspaceOptions,
    first: ChapterFile,
  ) {
    this.current = first;
    this.now = options.now ?? (() => new Date());
    mkdirSync(options.userDataFolder, { recursive: true });
    this.remember(first);
  }

  /** Opens `file` (lock, checks, migrations) as the workspace's first file. */
  static open(options: WorkspaceOptions, file: string): ChapterWorkspace {
    return new ChapterWorkspace(options, new ChapterFile(file, options.migrationsFolder));
  }

  get chapterFile(): ChapterFile {
    return this.current;
  }

  get file(): string {
    return path.resolve(this.current.file);
  }

  get demoFile(): string {
    return path.resolve(demoChapterFile(this.options.userDataFolder));
  }

  get isDemo(): boolean {
    return this.file === this.demoFile;
  }

  get chaptersFolder(): string {
    return this.options.chaptersFolder;
  }

  /** The recent chapter files, newest first; the demo is never among them. */
  listRecent(): RecentChapter[] {
    this.remember(this.current, false);
    const store = readStore(this.options.userDataFolder);
    return store.files.map((f) => ({ ...f, missing: !existsSync(f.file), open: f.file === this.file }));
  }

  /** Creates a new, empty chapter file at `target` and opens it in place of the open one. */
  newChapter(target: string): { file: string } {
    const file = path.resolve(target);
    if (existsSync(file)) {
      throw new LedgerError('conflict', `There is already a file called ${path.basename(file)} in ${path.dirname(file)}. Choose another name, or open it from Open recent. Nothing was changed.`, 'fileName');
    }
    if (file === this.demoFile) throw new LedgerError('conflict', `${path.basename(file)} is the demo chapter's file. Choose another name. Nothing was changed.`, 'fileName');
    mkdirSync(path.dirname(file), { recursive: true });
    this.switchTo(file);
    return { file };
  }

  /** Opens a chapter file from the recent list (the only files the window may name). */
  openRecent(target: string): { file: string; chapterName: string | null } {
    const file = path.resolve(target);
    const known = readStore(this.options.userDataFolder).files.find((f) => f.file === file);
    if (!known) throw new LedgerError('not_found', `${path.basename(file)} is not in the list of recent chapters. Open it with File → Open chapter file…. Nothing was changed.`, 'file');
    if (file === this.file) throw new LedgerError('conflict', `${known.chapterName ?? path.basename(file)} (${path.basename(file)}) is the chapter already open. Nothing was changed.`, 'file');
    if (!existsSync(file)) {
      throw new LedgerError('not_found', `${path.basename(file)} is no longer in ${path.dirname(file)}: it was moved, renamed or deleted. Open it where it is now with File → Open chapter file…, or remove it from the list. Nothing was changed.`, 'file');
    }
    return this.openChecked(file);
  }

  /**
   * File → Open chapter file…: opens the file the secretary picked in the system's open dialog, itself,
   * in place of the open one, and puts it on the recent list. Neither file is copied over the other.
   * Only the app's own menu calls this (the path comes from the system dialog); the window names recent files only.
   */
  openChosen(target: string): { file: string; chapterName: string | null } {
    const file = path.resolve(target);
    if (file === this.file) throw new LedgerError('conflict', `${path.basename(file)} is the chapter file already open. Nothing was changed.`, 'file');
    if (file === this.demoFile) throw new LedgerError('conflict', `${path.basename(file)} is the demo chapter's file: open it with File → Explore the demo chapter. Nothing was changed.`, 'file');
    if (!existsSync(file)) throw new LedgerError('not_found', `${path.basename(file)} is not in ${path.dirname(file)}. Nothing was changed.`, 'file');
    return this.openChecked(file);
  }

  private openChecked(file: string): { file: string; chapterName: string | null } {
    const check = checkChapterFile(file, this.options.migrationsFolder);
    if (!check.ok) throw new LedgerError('conflict', `${path.basename(file)} cannot be opened: ${check.message}. The chapter you had open stays open; nothing was changed.`, 'file');
    this.switchTo(file);
    return { file, chapterName: getChapter(this.current.db)?.name ?? null };
  }

  /** Takes a file off the recent list (the file itself is not touched). */
  forgetRecent(target: string): void {
    const file = path.resolve(target);
    const store = readStore(this.options.userDataFolder);
    if (!store.files.some((f) => f.file === file)) throw new LedgerError('not_found', `${path.basename(file)} is not in the list of recent chapters.`, 'file');
    if (file === this.file) throw new LedgerError('conflict', `${path.basename(file)} is open now; open another chapter first.`, 'file');
    this.writeStore({ ...store, files: store.files.filter((f) => f.file !== file), last: store.last === file ? this.lastReal(store) : store.last });
  }

  /**
   * Opens the demo chapter in its own file in the user-data folder (filled the first time). The open
   * chapter file is closed untouched; the demo never goes into the recent list or becomes "last".
   */
  openDemo(today?: string): { file: string; members: number } {
    if (this.isDemo) return { file: this.file, members: this.memberCount() };
    this.switchTo(this.demoFile, (opened) => {
      if (!getChapter(opened.db)) loadDemoChapter(opened.db, today);
    });
    return { file: this.file, members: this.memberCount() };
  }

  close(): void {
    this.remember(this.current, false);
    this.current.close();
  }

  private memberCount(): number {
    return this.current.sqlite.prepare("SELECT count(*) FROM members WHERE status IN ('active', 'on_leave')").pluck().get() as number;
  }

  /** The next file is opened completely (and prepared) before the open one is let go. */
  private switchTo(file: string, prepare?: (opened: ChapterFile) => void): void {
    if (path.resolve(file) === this.file) throw new LedgerError('conflict', `${path.basename(file)} is the chapter file already open. Nothing was changed.`, 'file');
    const next = new ChapterFile(file, this.options.migrationsFolder);
    try {
      prepare?.(next);
    } catch (error) {
      next.close();
      throw error;
    }
    const previous = this.current;
    this.remember(previous, false);
    this.current = next;
    previous.close();
    this.remember(next);
  }

  /** Puts the file at the top of the list with its chapter's name (the demo is never listed). */
  private remember(opened: ChapterFile, moveToTop = true): void {
    const file = path.resolve(opened.file);
    if (file === this.demoFile) return;
    const store = readStore(this.options.userDataFolder);
    const chapterName = getChapter(opened.db)?.name ?? null;
    const existing = store.files.find((f) => f.file === file);
    const entry = { file, chapterName, openedAt: moveToTop || !existing ? this.now().toISOString() : existing.openedAt };
    const others = store.files.filter((f) => f.file !== file);
    const files = moveToTop || !existing ? [entry, ...others] : store.files.map((f) => (f.file === file ? entry : f));
    this.writeStore({ version: 1, last: moveToTop ? file : store.last, files: files.slice(0, MAX_RECENT) });
  }

  private lastReal(store: RecentStore): string | null {
    return this.isDemo ? (store.files.find((f) => f.file !== this.file)?.file ?? null) : this.file;
  }

  /** Written to a temporary file and renamed over the list, so a crash never leaves half a list. */
  private writeStore(store: RecentStore): void {
    const target = recentListFile(this.options.userDataFolder);
    const temporary = `${target}.tmp`;
    writeFileSync(temporary, JSON.stringify(store, null, 2));
    renameSync(temporary, target);
  }
}
