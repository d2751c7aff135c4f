// What the preload exposes as window.ledger: exactly the contract's methods, each one an IPC
// invoke on its own channel. Free of Electron imports so a test can check the list.
import { ipcChannel, methodNames, type MethodName } from '../src/shared/methods';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;

export function buildBridge(invoke: Invoke): Record<MethodName, (input?: unknown) => Promise<unknown>> {
  return Object.fromEntries(
    methodNames.map((method) => [method, (input?: unknown) => invoke(ipcChannel(method), input)]),
  ) as Record<MethodName, (input?: unknown) => Promise<unknown>>;
}
