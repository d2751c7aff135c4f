// The window's security settings and URL rules, kept free of runtime Electron imports so unit
// tests can assert them (the Electron window itself cannot run on the test machines).
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Chapter Ledger',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      // Electron's built-in PDF viewer, for report previews and printing.
      plugins: true,
    },
  };
}

/** Is `url` a page of the app itself (the dev server in development, the bundled file when built)? */
export function isAppUrl(url: string | undefined, appEntry: string): boolean {
  if (!url) return false;
  try {
    const target = new URL(url);
    const entry = new URL(appEntry);
    if (entry.protocol === 'file:') return target.protocol === 'file:' && target.pathname === entry.pathname;
    return target.origin === entry.origin;
  } catch {
    return false;
  }
}

/** Only web links leave the app, and only to the system browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** An IPC call is honoured only from the app's own top-level page. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, appEntry: string): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url, appEntry);
}

/**
 * What the window loads. The packaged app loads only its own built page: ELECTRON_RENDERER_URL is the
 * dev server's address (electron-vite sets it for `npm start`), and honouring it in a packaged app
 * would hand the full bridge to whatever page an environment variable names. In development it is
 * used only when it points at this computer.
 */
export function rendererEntry(options: { isPackaged: boolean; devServerUrl: string | undefined; builtIndexUrl: string }): string {
  const { isPackaged, devServerUrl, builtIndexUrl } = options;
  if (isPackaged || !devServerUrl) return builtIndexUrl;
  try {
    const url = new URL(devServerUrl);
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return (url.protocol === 'http:' || url.protocol === 'https:') && loopback ? url.href : builtIndexUrl;
  } catch {
    return builtIndexUrl;
  }
}
