// Remembers the folder the secretary last saved a report or export into, across launches.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function lastSaveFolder(preferencesFile: string, fallback: string): string {
  try {
    const saved = JSON.parse(readFileSync(preferencesFile, 'utf8')) as { lastSaveFolder?: unknown };
    return typeof saved.lastSaveFolder === 'string' ? saved.lastSaveFolder : fallback;
  } catch {
    return fallback;
  }
}

export function rememberSaveFolder(preferencesFile: string, savedFile: string): void {
  writeFileSync(preferencesFile, JSON.stringify({ lastSaveFolder: path.dirname(savedFile) }));
}
