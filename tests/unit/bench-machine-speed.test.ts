// The bench says how fast the machine was while it ran: the same fixed work timed at the start and the end, each
// time as a ratio to the quickest, so a figure read against its target can be read against the machine's day too.
import { describe, expect, it } from 'vitest';
import { machineSpeedLine, recordMachineSpeed, sampleMachineSpeed } from '../../src/cli/bench-machine-speed';

describe("the bench's machine-speed line", () => {
  it('times the fixed work (a JavaScript loop, SQLite inserts) and prints each sample against the quickest', () => {
    const real = sampleMachineSpeed('start', 1);
    expect(real.js).toBeGreaterThan(0);
    expect(real.sqlite).toBeGreaterThan(0);
    recordMachineSpeed('end', { js: real.js * 1.5, sqlite: real.sqlite * 2 });
    const line = machineSpeedLine();
    expect(line).toContain(`start: JS loop ${real.js.toFixed(0)} ms (1.00×), SQLite inserts ${real.sqlite.toFixed(0)} ms (1.00×)`);
    expect(line).toContain(`end: JS loop ${(real.js * 1.5).toFixed(0)} ms (1.50×), SQLite inserts ${(real.sqlite * 2).toFixed(0)} ms (2.00×)`);
  });
});
