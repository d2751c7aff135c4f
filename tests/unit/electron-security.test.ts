import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAppUrl, isExternalWebUrl, isTrustedSender, mainWindowOptions, rendererEntry } from '../../electron/security';
import { contentSecurityPolicy } from '../../src/shared/csp';

describe('the app window', () => {
  const prefs = mainWindowOptions('/app/out/preload/preload.cjs').webPreferences!;

  it('isolates the page from Node: context isolation, sandbox, no node integration, web security', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(prefs.preload).toMatch(/preload\.cjs$/);
  });

  it('has a Content-Security-Policy with no eval and no remote sources', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:/);
    const html = readFileSync('src/renderer/index.html', 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toContain('unsafe-eval');
  });
});

describe('where the app may go', () => {
  const built = 'file:///opt/Chapter%20Ledger/resources/app.asar/out/renderer/index.html';
  const dev = 'http://localhost:5173/';

  it('stays on its own page', () => {
    expect(isAppUrl(built + '#/members', built)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', built)).toBe(false);
    expect(isAppUrl('http://localhost:5173/#/seats', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://example.com/', built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
  });

  it('opens only http(s) links in the system browser', () => {
    expect(isExternalWebUrl('https://bni.example/chapter')).toBe(true);
    expect(isExternalWebUrl('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'mailto:x@y.z', 'nonsense']) {
      expect(isExternalWebUrl(url)).toBe(false);
    }
  });

  it('answers IPC only from its own top-level frame', () => {
    expect(isTrustedSender({ url: built, parent: null }, built)).toBe(true);
    expect(isTrustedSender({ url: built, parent: {} }, built)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null }, built)).toBe(false);
    expect(isTrustedSender(null, built)).toBe(false);
  });
});

describe('the package', () => {
  const config = readFileSync('electron-builder.yml', 'utf8');
  it('sets the Electron fuses and ships neither the harness nor the sources', () => {
    for (const fuse of ['runAsNode: false', 'enableCookieEncryption: true', 'enableNodeOptionsEnvironmentVariable: false', 'onlyLoadAppFromAsar: true']) {
      expect(config).toContain(fuse);
    }
    expect(config).toMatch(/files:\n\s+- out\/\*\*\n\s+- package.json/);
    expect(config).not.toMatch(/^\s+- .*(src|harness|tests)/m);
  });
  it('ships the migrations as an extra resource and never rebuilds native modules', () => {
    expect(config).toMatch(/extraResources:\n\s+- from: drizzle/);
    expect(config).toContain('npmRebuild: false');
  });
});

describe('IPC', () => {
  it('every contract method is bound, checks its sender frame, and validates its input', async () => {
    const { bindContractToIpc } = await import('../../electron/ipc');
    const { methodNames, ipcChannel } = await import('../../src/shared/methods');
    const { openTestDb, testRegistry } = await import('../support/db');
    const handlers = new Map<string, (event: any, input: unknown) => unknown>();
    const opened = openTestDb();
    const app = 'file:///app/out/renderer/index.html';
    bindContractToIpc({ handle: (channel, listener) => handlers.set(channel, listener) }, testRegistry(opened), app);
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(ipcChannel).sort());

    const fromApp = { senderFrame: { url: app, parent: null } };
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } };
    const fromSubframe = { senderFrame: { url: app, parent: {} } };
    for (const [, handler] of handlers) {
      expect(await handler(fromElsewhere, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await handler(fromSubframe, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await handlers.get(ipcChannel('appStatus'))!(fromApp, {})).toMatchObject({ ok: true });
    expect(await handlers.get(ipcChannel('addMember'))!(fromApp, { firstName: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'firstName' } });
  });

  it('the built main process does not contain the test harness', async () => {
    const { readFileSync } = await import('node:fs');
    const main = readFileSync('out/main/main.js', 'utf8');
    expect(main).not.toMatch(/startHarness|x-ledger-token/i);
  });
});

describe('what the window may do', () => {
  const app = 'file:///app/out/renderer/index.html';
  const setup = async () => {
    const { guardWebContents } = await import('../../electron/guards');
    const listeners: Record<string, (event: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: (details: { url: string }) => { action: string } = () => ({ action: 'allow' });
    const opened: string[] = [];
    guardWebContents(
      { on: (name: string, listener: never) => (listeners[name] = listener), setWindowOpenHandler: (h: never) => (openHandler = h) } as never,
      app,
      (url) => opened.push(url),
    );
    const navigate = (name: string, url?: string) => {
      let prevented = false;
      listeners[name]!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { navigate, open: (url: string) => openHandler({ url }), opened };
  };

  it('navigation away from the app is blocked; web links go to the system browser, nothing else does', async () => {
    const { navigate, opened } = await setup();
    expect(navigate('will-navigate', `${app}#/members`)).toBe(false);
    expect(navigate('will-navigate', 'https://bni.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-attach-webview')).toBe(true);
    expect(opened).toEqual(['https://bni.example/']);
  });

  it('window.open is always denied', async () => {
    const { open, opened } = await setup();
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('every permission request is denied', async () => {
    const { denyAllPermissions } = await import('../../electron/guards');
    let request: (c: unknown, p: string, cb: (g: boolean) => void) => void = () => {};
    let check: () => boolean = () => true;
    denyAllPermissions({ setPermissionRequestHandler: (h) => (request = h), setPermissionCheckHandler: (h) => (check = h) });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      request(null, permission, (g) => (granted = g));
      expect(granted).toBe(false);
    }
    expect(check()).toBe(false);
  });
});

describe('what the window loads', () => {
  const built = 'file:///opt/Chapter%20Ledger/resources/app.asar/out/renderer/index.html';
  it('the packaged app loads its own page whatever ELECTRON_RENDERER_URL says', () => {
    for (const devServerUrl of ['https://evil.example/phish.html', 'http://localhost:5173/', 'file:///tmp/other.html', undefined]) {
      expect(rendererEntry({ isPackaged: true, devServerUrl, builtIndexUrl: built })).toBe(built);
    }
  });
  it('in development only a dev server on this computer is used', () => {
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://localhost:5173/', builtIndexUrl: built })).toBe('http://localhost:5173/');
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'http://127.0.0.1:5174', builtIndexUrl: built })).toBe('http://127.0.0.1:5174/');
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'https://evil.example/', builtIndexUrl: built })).toBe(built);
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'javascript:alert(1)', builtIndexUrl: built })).toBe(built);
    expect(rendererEntry({ isPackaged: false, devServerUrl: 'not a url', builtIndexUrl: built })).toBe(built);
  });
  it('main.ts takes its entry from that function, not from the environment directly', () => {
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toMatch(/const appEntry = rendererEntry\(\{/);
    expect(main.match(/ELECTRON_RENDERER_URL/g)).toHaveLength(1);
  });
});
