import { describe, expect, it } from 'vitest';
import { noBrowserSentence, resolveBrowser, type BrowserLookup } from '../../src/cli/find-browser';

/** A machine described by the files it has. */
function machine(files: string[], over: Partial<BrowserLookup> = {}): BrowserLookup {
  return {
    env: {},
    platform: 'linux',
    exists: (file) => files.includes(file),
    playwrightChromium: () => '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome',
    ...over,
  };
}

describe('the UI tests find a browser on any contributor machine', () => {
  it('uses CHROMIUM_PATH when a contributor sets it, even with Chromium installed', () => {
    const found = resolveBrowser(machine(['/opt/chrome/chrome', '/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/opt/chrome/chrome' } }));
    expect(found).toEqual({ executablePath: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
  });

  it('says so when CHROMIUM_PATH names a file that is not there', () => {
    expect(() => resolveBrowser(machine(['/usr/bin/chromium'], { env: { CHROMIUM_PATH: '/opt/missing/chrome' } }))).toThrow(
      'CHROMIUM_PATH names /opt/missing/chrome, which does not exist',
    );
  });

  it("uses the system's Chromium on Linux, Chrome on a Mac and Edge on a bare Windows", () => {
    expect(resolveBrowser(machine(['/usr/bin/chromium']))).toEqual({ executablePath: '/usr/bin/chromium', source: 'system' });
    const mac = machine(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], { platform: 'darwin', env: { HOME: '/Users/ann' } });
    expect(resolveBrowser(mac).executablePath).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const windows = machine([edge], { platform: 'win32', env: { PROGRAMFILES: 'C:\\Program Files', 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' } });
    expect(resolveBrowser(windows)).toEqual({ executablePath: edge, source: 'system' });
  });

  it("falls back to Playwright's own Chromium once `npx playwright install chromium` has run", () => {
    const own = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
    expect(resolveBrowser(machine([own]))).toEqual({ executablePath: own, source: 'playwright' });
  });

  it('stops with one sentence naming the three ways out when there is no browser at all', () => {
    expect(() => resolveBrowser(machine([]))).toThrow(noBrowserSentence);
    expect(noBrowserSentence).toMatch(/CHROMIUM_PATH.*Chrome or Chromium.*npx playwright install chromium/);
  });
});
