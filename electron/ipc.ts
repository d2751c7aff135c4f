// Binds every contract method to IPC. Kept free of runtime Electron imports (ipcMain is passed in)
// so a test can prove each handler checks its sender frame before the registry sees the input.
import type { Registry } from '../src/server/registry';
import { ipcChannel, methodNames } from '../src/shared/methods';
import { isTrustedSender } from './security';

interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: { url: string; parent: unknown } | null }, input: unknown) => unknown): void;
}

export function bindContractToIpc(ipcMain: IpcMainLike, registry: Registry, appEntry: string): void {
  for (const method of methodNames) {
    ipcMain.handle(ipcChannel(method), (event, input) => {
      if (!isTrustedSender(event.senderFrame, appEntry)) {
        return { ok: false, error: { code: 'forbidden', message: 'Refused: the request did not come from Chapter Ledger.' } };
      }
      return registry.callAsync(method, input);
    });
  }
}
