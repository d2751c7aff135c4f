// Electron main: a secure window, the database in the user data folder, and the contract's
// handlers bound to IPC. Everything else lives in src/ where tests can reach it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { ChapterFile } from '../src/server/chapter-file';
import { ChapterWorkspace, lastOpenedChapterFile } from '../src/server/chapter-workspace';
import { recoverFromNewestGoodBackup } from '../src/services/backups';
import { useBuiltParseWorker } from '../src/imports/parse-in-worker';
import { useBuiltIntegrityWorker } from '../src/db/check-in-background';
import { useBuiltAuditCheckWorker } from '../src/services/audit-check-in-background';
import { useBuiltStatementsWorker } from '../src/server/statement-jobs';
import { checkThenBackUp } from '../src/server/startup';
import { startupGate, type StartupGate } from '../src/server/startup-gate';
import { warmUpReports } from '../src/reports/warm-up';
import { memberNamesToWarmUp } from '../src/services/members';
import { LedgerError } from '../src/shared/errors';
import { createRegistry } from '../src/server/registry';
import { contentSecurityPolicy } from '../src/shared/csp';
import { bindContractToIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { lastSaveFolder, rememberSaveFolder } from './save-folder';
import { denyAllPermissions, guardWebContents } from './guards';
import { mainWindowOptions, rendererEntry } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
// Import files are parsed in a worker thread built beside this file, so the window never freezes.
useBuiltParseWorker(path.join(here, 'parse-worker.js'));
// The start-up integrity check runs in a worker thread too, built beside this file.
useBuiltIntegrityWorker(path.join(here, 'integrity-worker.js'));
useBuiltAuditCheckWorker(path.join(here, 'audit-check-worker.js'));
useBuiltStatementsWorker(path.join(here, 'statements-worker.js'));
const appEntry = rendererEntry({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  builtIndexUrl: pathToFileURL(path.join(here, '../renderer/index.html')).href,
});
let mainWindow: BrowserWindow | null = null;
let workspace: ChapterWorkspace | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two windows must never write one chapter file: the second launch hands over to the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start).catch((error: Error) => {
    dialog.showErrorBox('Chapter Ledger could not start', error.message);
    app.quit();
  });
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  // The chapter file opened last (File → New chapter…, Open recent), else the first one in the user-data folder.
  const file = lastOpenedChapterFile(userData) ?? path.join(userData, 'chapter-ledger.sqlite');
  const migrationsFolder = app.isPackaged
    ? path.join(process.resourcesPath, 'drizzle')
    : path.join(app.getAppPath(), 'drizzle');
  const first = openOrRecover(file, migrationsFolder);
  if (!first) {
    app.quit();
    return;
  }
  const files = new ChapterWorkspace({ userDataFolder: userData, migrationsFolder, chaptersFolder: app.getPath('documents') }, first);
  workspace = files;
  const fontsDir = app.isPackaged ? path.join(process.resourcesPath, 'fonts') : path.join(app.getAppPath(), 'resources', 'fonts');
  let gate: StartupGate | null = null;
  const registry = createRegistry({
    firstScreenShown: () => gate?.firstScreenShown() ?? false,
    get db() {
      return files.chapterFile.db;
    },
    get file() {
      return files.file;
    },
    appVersion: app.getVersion(),
    fontsDir,
    get chapterFile() {
      return files.chapterFile;
    },
    workspace: files,
    chooseNewChapterFile: async (suggestedName) => {
      const chosen = await dialog.showSaveDialog({ title: 'New chapter file', defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'Chapter file', extensions: ['sqlite'] }] });
      return chosen.canceled ? null : (chosen.filePath ?? null);
    },
    revealFolder: (folder) => void shell.openPath(folder),
    chooseFolder: async () => {
      const chosen = await dialog.showOpenDialog({ title: 'Export every table as CSV into…', properties: ['openDirectory', 'createDirectory'] });
      return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
    },
    chooseSaveFile: async (suggestedName) => {
      const chosen = await dialog.showSaveDialog({ title: 'Save a copy of the chapter file', defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'Chapter file', extensions: ['sqlite'] }] });
      return chosen.canceled ? null : (chosen.filePath ?? null);
    },
  });
  bindContractToIpc(ipcMain, registry, appEntry);

  denyAllPermissions(session.defaultSession);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });

  // Reports and exports reach the disk as downloads: ask where, starting in the last folder used.
  const preferences = path.join(app.getPath('userData'), 'preferences.json');
  session.defaultSession.on('will-download', (_event, item) => {
    item.setSaveDialogOptions({
      title: 'Save',
      defaultPath: path.join(lastSaveFolder(preferences, app.getPath('documents')), item.getFilename()),
    });
    item.once('done', (_done, state) => {
      if (state === 'completed') rememberSaveFolder(preferences, item.getSavePath());
    });
  });

  // The File menu calls the same contract methods as the window's own File menu, then reloads the window.
  const fileAction = async (method: 'newChapterFile' | 'openRecentChapter' | 'openDemoChapter', input: unknown) => {
    const result = await registry.callAsync(method, input);
    if (!result.ok) {
      if (result.error.field !== 'fileName' || !/No place was chosen/.test(result.error.message)) dialog.showErrorBox('That chapter file cannot be opened', result.error.message);
      return;
    }
    mainWindow?.reload();
    installMenu();
  };
  const installMenu = () => {
    const recent = registry.call('listRecentChapters', {});
    installApplicationMenu({
      // The id comes from the fixed list of screens, never from outside: the page only changes its hash.
      showScreen: (id) => void mainWindow?.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify(`#/${id}`)}`),
      newChapter: () => fileAction('newChapterFile', { fileName: 'New chapter' }),
      openDemo: () => fileAction('openDemoChapter', {}),
      recent: recent.ok ? (recent.value as { files: Array<{ file: string; chapterName: string | null; missing: boolean; open: boolean }> }).files : [],
      openRecent: (recentFile) => fileAction('openRecentChapter', { file: recentFile }),
      openChapterFile: async () => {
        const chosen = await dialog.showOpenDialog({ title: 'Open chapter file', properties: ['openFile'], filters: [{ name: 'Chapter file', extensions: ['sqlite', 'db'] }] });
        const picked = chosen.filePaths[0];
        if (chosen.canceled || !picked) return;
        try {
          // The picked file itself is opened (and listed under Open recent); the chapter that was open
          // is closed untouched, one click away in Open recent. Nothing is copied over anything.
          files.openChosen(picked);
          mainWindow?.reload();
          installMenu();
        } catch (error) {
          dialog.showErrorBox('That chapter file cannot be opened', (error as Error).message);
        }
      },
    });
  };
  installMenu();
  // A switch made from the window's own File menu reaches the native menu's Open recent on the next focus.
  app.on('browser-window-focus', () => installMenu());
  createWindow();
  // The window shows the Meeting screen first; the file's check (in a worker thread), then the start-up
  // backup and the audit log's full check run behind it, and speak up only if something is wrong
  // (src/server/startup.ts). They begin once the page says its first screen's data is drawn (so the
  // first sheet does not share the disk with a read of every page), or after a fallback whatever
  // happens to the window (src/server/startup-gate.ts). Then the report engine is made ready, so the
  // first PDF of the session is not the slow one.
  gate = startupGate({ begin: () => void afterTheWindowShows(files).then(() => warmUpReports(fontsDir, undefined, undefined, namesToWarmUp(files))) });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

/** The open chapter's member names (their scripts' fonts warmed up too); none when no chapter is open yet. */
function namesToWarmUp(files: ChapterWorkspace): string[] {
  try {
    return memberNamesToWarmUp(files.chapterFile.db);
  } catch {
    return [];
  }
}

async function afterTheWindowShows(files: ChapterWorkspace): Promise<void> {
  const opened = files.chapterFile;
  const after = await checkThenBackUp(opened);
  if (after.outcome === 'backup-failed') dialog.showErrorBox('The start-up backup failed', after.sentence);
  if (after.outcome === 'sound' && after.auditLog && !after.auditLog.ok) dialog.showErrorBox('The audit log has been tampered with', after.auditLog.sentence);
  if (after.outcome !== 'damaged' || files.chapterFile !== opened) return;
  const choice = await dialog.showMessageBox({
    type: 'error',
    title: 'The chapter file is damaged',
    message: after.sentence,
    buttons: ['Restore the newest good backup', 'Not now'],
    defaultId: 0,
    cancelId: 1,
  });
  if (choice.response !== 0 || files.chapterFile !== opened) return;
  try {
    const { restored, damagedKeptAs } = opened.recoverFromDamage();
    mainWindow?.reload();
    void dialog.showMessageBox({ type: 'info', message: `Restored the backup of ${restored.takenAt}.`, detail: `The damaged file is kept as ${damagedKeptAs}.` });
  } catch (error) {
    dialog.showErrorBox('No backup could be restored', (error as Error).message);
  }
}

/**
 * Opens the chapter file. A damaged or foreign file is never overwritten: the secretary is told what
 * is wrong and offered the newest good backup, with the damaged file kept beside it. The structural
 * check over every page runs after the window shows (afterTheWindowShows).
 */
function openOrRecover(file: string, migrationsFolder: string): ChapterFile | null {
  try {
    return new ChapterFile(file, migrationsFolder, { integrityCheck: 'later' });
  } catch (error) {
    const message = error instanceof LedgerError ? error.message : (error as Error).message;
    const recoverable = error instanceof LedgerError && (error.code === 'damaged' || error.code === 'not_a_database');
    // 'locked', 'newer_database', 'read_only', 'disk_full' and 'busy' are said as they are: the file is fine.
    if (!recoverable) {
      dialog.showErrorBox('Chapter Ledger cannot open the chapter file', message);
      return null;
    }
    const choice = dialog.showMessageBoxSync({
      type: 'error',
      title: 'The chapter file cannot be opened',
      message,
      detail: 'Chapter Ledger can put the newest good backup in its place. The damaged file is kept, renamed, beside it.',
      buttons: ['Restore the newest good backup', 'Quit'],
      defaultId: 0,
      cancelId: 1,
    });
    if (choice !== 0) return null;
    try {
      const { restored, damagedKeptAs } = recoverFromNewestGoodBackup(file, migrationsFolder);
      dialog.showMessageBoxSync({ type: 'info', message: `Restored the backup of ${restored.takenAt}.`, detail: `The damaged file is kept as ${damagedKeptAs}.` });
      return new ChapterFile(file, migrationsFolder);
    } catch (recoveryError) {
      dialog.showErrorBox('No backup could be restored', (recoveryError as Error).message);
      return null;
    }
  }
}

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(appEntry);
}

app.on('web-contents-created', (_event, contents) => {
  guardWebContents(contents, appEntry, (url) => void shell.openExternal(url));
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => workspace?.close());
