import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBridge } from '../../electron/bridge';
import { contract, methodNames } from '../../src/shared/contract';
import { ipcChannel } from '../../src/shared/methods';
import { registeredMethods } from '../../src/server/registry';

describe('one contract for every host', () => {
  const declared = Object.keys(contract).sort();

  it('every contract method has a handler, and every handler a contract entry', () => {
    expect([...registeredMethods].sort()).toEqual(declared);
  });

  it('the preload exposes exactly the contract methods, each on its own channel', async () => {
    const calls: string[] = [];
    const bridge = buildBridge(async (channel) => {
      calls.push(channel);
      return null;
    });
    expect(Object.keys(bridge).sort()).toEqual(declared);
    for (const method of methodNames) await bridge[method]({});
    expect(calls).toEqual(methodNames.map(ipcChannel));
  });

  // npm test (and npm run test:unit) build first, so out/ is always there.
  it('the built preload is CommonJS and requires nothing but electron', () => {
    const built = readFileSync('out/preload/preload.cjs', 'utf8');
    expect(built).not.toMatch(/^\s*(import|export)\s/m);
    expect([...built.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
  });

  it('every method has a one-line summary for the reader', () => {
    for (const spec of Object.values(contract)) expect(spec.summary.length).toBeGreaterThan(10);
  });
});
