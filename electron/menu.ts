import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { screenKeys, type ScreenKeyId } from '../src/shared/screens';

export function installApplicationMenu(actions: { openChapterFile: () => Promise<void>; showScreen: (id: ScreenKeyId) => void }): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open chapter file…', accelerator: 'CmdOrCtrl+O', click: () => void actions.openChapterFile() },
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
      submenu: screenKeys.map((s) => ({ label: s.label, ...(s.digit ? { accelerator: `CmdOrCtrl+${s.digit}` } : {}), click: () => actions.showScreen(s.id) })),
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
