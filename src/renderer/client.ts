// The renderer's typed client. In the app it calls the preload's window.ledger (IPC); under the
// test harness it posts to the loopback server. Either way a failure arrives as a LedgerError.
// Types only from the contract (its zod schemas stay in the main process); the names from methods.ts.
import type { LedgerApi } from '../shared/contract';
import { methodNames, type MethodName } from '../shared/methods';
import { LedgerError, isLedgerErrorShape, type Result } from '../shared/errors';

type RawBridge = Record<MethodName, (input?: unknown) => Promise<unknown>>;

declare global {
  interface Window {
    ledger?: RawBridge;
  }
}

function harnessTransport(): (method: MethodName, input: unknown) => Promise<unknown> {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('ledger-token', fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : '') + window.location.hash);
  }
  const token = sessionStorage.getItem('ledger-token') ?? '';
  return async (method, input) => {
    const response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token },
      body: JSON.stringify(input ?? {}),
    });
    return response.json();
  };
}

function createClient(): LedgerApi {
  const bridge = window.ledger;
  const send = bridge ? (method: MethodName, input: unknown) => bridge[method](input) : harnessTransport();
  return Object.fromEntries(
    methodNames.map((method) => [
      method,
      async (input?: unknown) => {
        const result = (await send(method, input ?? {})) as Result<unknown>;
        if (result && result.ok === true) return result.value;
        const error = result && !result.ok && isLedgerErrorShape(result.error) ? result.error : { code: 'internal' as const, message: 'No answer from Chapter Ledger.' };
        throw new LedgerError(error.code, error.message, error.field, error.alsoFields);
      },
    ]),
  ) as LedgerApi;
}

export const ledger: LedgerApi = createClient();
