import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
  it('the schema has no change that drizzle-kit has not generated a migration for', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ledger-kit-'));
    cpSync('drizzle', path.join(dir, 'drizzle'), { recursive: true });
    writeFileSync(path.join(dir, 'drizzle.config.json'), JSON.stringify({ dialect: 'sqlite', schema: path.resolve('src/db/schema.ts'), out: './drizzle' }));
    const before = readdirSync(path.join(dir, 'drizzle')).length;
    // drizzle-kit's own script run by this Node (node_modules/.bin holds a .cmd shim on Windows).
    const kit = path.resolve('node_modules/drizzle-kit/bin.cjs');
    const output = execFileSync(process.execPath, [kit, 'generate', '--config=drizzle.config.json'], { encoding: 'utf8', cwd: dir });
    expect(output).toContain('No schema changes');
    expect(readdirSync(path.join(dir, 'drizzle')).length).toBe(before);
  }, 60_000);
});
