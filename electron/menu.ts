import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { leadershipScreenKeys, screenKeys, type ScreenKeyId } from '../src/shared/screens';

export interface RecentMenuEntry {
  file: string;
  chapterName: string | null;
  missing: boolean;
  open: boolean;
}

export function installApplicationMenu(actions: {
  openChapterFile: () => Promise<void>;
  showScreen: (id: ScreenKeyId) => void;
  newChapter: () => Promise<void>;
  openDemo: () => Promise<void>;
  recent: RecentMenuEntry[];
  openRecent: (file: string) => Promise<void>;
}): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New chapter…', accelerator: 'CmdOrCtrl+N', click: () => void actions.newChapter() },
        { label: 'Open chapter file…', accelerator: 'CmdOrCtrl+O', click: () => void actions.openChapterFile() },
        {
          label: 'Open recent',
          submenu: actions.recent.length
            ? actions.recent.map((r) => ({
                label: `${r.chapterName ?? 'No chapter yet'} — ${r.file}${r.missing ? ' (moved or deleted)' : ''}`,
                type: 'checkbox' as const,
                checked: r.open,
                enabled: !r.missing && !r.open,
                click: () => void actions.openRecent(r.file),
              }))
            : [{ label: 'No recent chapters', enabled: false }],
        },
        { type: 'separator' },
        { label: 'Explore the demo chapter', click: () => void actions.openDemo() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      // Screens by CmdOrCtrl+digit: the menu owns the accelerator on every platform, so macOS's
      // Option+digit characters and Windows' Alt menu mnemonics never get in the way.
      label: '&Go',
      submenu: [
        ...screenKeys.map((s) => ({ label: s.label, ...(s.digit ? { accelerator: `CmdOrCtrl+${s.digit}` } : {}), click: () => actions.showScreen(s.id) })),
        { type: 'separator' as const },
        ...leadershipScreenKeys.map((s) => ({ label: s.label, click: () => actions.showScreen(s.id) })),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        {
          label: 'Show the chapter file in its folder',
          click: () => shell.showItemInFolder(app.getPath('userData')),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
