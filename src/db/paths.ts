// Where the migrations live when running from the source tree (tests, harness, scripts).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sourceMigrationsFolder = path.join(repoRoot, 'drizzle');
export const sourceFontsDir = path.join(repoRoot, 'resources', 'fonts');
