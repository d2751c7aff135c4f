// Which Chromium the Playwright tests drive, wherever `npm test` runs: CHROMIUM_PATH when set, else a
// Chrome/Chromium (or Edge, which every Windows has) installed on the system, else Playwright's own
// browser from `npx playwright install chromium`. None of them: one sentence saying what to do.
import path from 'node:path';

export interface BrowserLookup {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Whether a file exists (injected so tests can describe each machine). */
  exists: (file: string) => boolean;
  /** Where Playwright's own Chromium would be (it may not be installed). */
  playwrightChromium: () => string | undefined;
}

export type ResolvedBrowser = { executablePath: string; source: 'CHROMIUM_PATH' | 'system' | 'playwright' };

export const noBrowserSentence =
  'No browser for the UI tests: set CHROMIUM_PATH to a Chrome or Chromium executable, install Google Chrome or Chromium, or run `npx playwright install chromium`.';

/** Usual install places of Chrome, Chromium and Edge on each system, most common first. */
export function systemBrowserPaths(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const roots = ['/Applications', env.HOME ? path.posix.join(env.HOME, 'Applications') : undefined].filter((r): r is string => !!r);
    return roots.flatMap((root) => apps.map((app) => path.posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    const exes = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe'];
    return exes.flatMap((exe) => roots.map((root) => path.win32.join(root, exe)));
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge'];
}

export function resolveBrowser(lookup: BrowserLookup): ResolvedBrowser {
  const fromEnv = lookup.env.CHROMIUM_PATH?.trim();
  if (fromEnv) {
    if (!lookup.exists(fromEnv)) throw new Error(`CHROMIUM_PATH names ${fromEnv}, which does not exist: point it at a Chrome or Chromium executable, or unset it.`);
    return { executablePath: fromEnv, source: 'CHROMIUM_PATH' };
  }
  const system = systemBrowserPaths(lookup.platform, lookup.env).find((file) => lookup.exists(file));
  if (system) return { executablePath: system, source: 'system' };
  const own = lookup.playwrightChromium();
  if (own && lookup.exists(own)) return { executablePath: own, source: 'playwright' };
  throw new Error(noBrowserSentence);
}
