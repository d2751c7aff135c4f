// What every web contents of the app may do: stay on the app's own page, open web links only in the
// system browser, never a new window, no webviews, no permissions. Free of runtime Electron imports so
// the tests can drive it with stand-ins.
import { isAppUrl, isExternalWebUrl } from './security';

type Listener = (event: { preventDefault(): void }, url: string) => void;

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: Listener): void;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): void;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
}

export function guardWebContents(contents: WebContentsLike, appEntry: string, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, appEntry)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appEntry)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
