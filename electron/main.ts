// Electron main: a secure window, the database in the user data folder, and the contract's
// handlers bound to IPC. Everything else lives in src/ where tests can reach it.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { openDatabase, type OpenedDatabase } from '../src/db/open';
import { createRegistry } from '../src/server/registry';
import { contentSecurityPolicy } from '../src/shared/csp';
import { bindContractToIpc } from './ipc';
import { installApplicationMenu } from './menu';
import { lastSaveFolder, rememberSaveFolder } from './save-folder';
import { isAppUrl, isExternalWebUrl, mainWindowOptions } from './security';

const here = path.dirname(fileURLToPath(import.meta.url));
const appEntry = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(here, '../renderer/index.html')).href;
let mainWindow: BrowserWindow | null = null;
let database: OpenedDatabase | null = null;

if (!app.requestSingleInstanceLock()) {
  // Two windows must never write one chapter file: the second launch hands over to the first.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady().then(start);
}

function start(): void {
  const file = path.join(app.getPath('userData'), 'chapter-ledger.sqlite');
  const migrationsFolder = app.isPackaged
    ? path.join(process.resourcesPath, 'drizzle')
    : path.join(app.getAppPath(), 'drizzle');
  try {
    database = openDatabase(file, { migrationsFolder });
  } catch (error) {
    dialog.showErrorBox('Chapter Ledger cannot open the chapter file', (error as Error).message);
    app.quit();
    return;
  }
  const fontsDir = app.isPackaged ? path.join(process.resourcesPath, 'fonts') : path.join(app.getAppPath(), 'resources', 'fonts');
  const registry = createRegistry({ db: database.db, file, appVersion: app.getVersion(), fontsDir });
  bindContractToIpc(ipcMain, registry, appEntry);

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
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

  installApplicationMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(path.join(here, '../preload/preload.cjs')));
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadURL(appEntry);
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, appEntry)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) void shell.openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appEntry)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', () => database?.close());
