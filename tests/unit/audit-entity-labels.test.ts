// The Audit log names what each entry is about in the chapter's words ("Outside party", "Absence letter"),
// never as a code the secretary never typed ("OUTSIDE_PARTY", "ABSENCE_LETTER").
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditEntityLabel } from '../../src/shared/audit-labels';
import { auditEntities } from '../../src/shared/domain';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('the Audit log says what an entry is about in words', () => {
  it('a slip with another chapter\'s member reads "Outside party", an absence letter "Absence letter"', () => {
    expect(auditEntityLabel('outside_party')).toBe('Outside party');
    expect(auditEntityLabel('absence_letter')).toBe('Absence letter');
  });

  it('every kind of entry the ledger writes, and every choice in "Show", has a label of words', () => {
    const written = new Set<string>(auditEntities);
    for (const file of [...sources('src/services'), ...sources('src/imports')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/entity: '([a-z_]+)'/g)) written.add(m[1]!);
      for (const m of text.matchAll(/audit\('[a-z_]+', '([a-z_]+)'/g)) written.add(m[1]!);
    }
    expect(written.has('absence_letter')).toBe(true);
    for (const entity of written) {
      const label = auditEntityLabel(entity);
      expect(label, entity).not.toMatch(/_/);
      expect(label, entity).toMatch(/^[A-Z]/);
      expect(label.length, entity).toBeGreaterThan(2);
    }
  });

  it('a kind added later without its own label still reads as words', () => {
    expect(auditEntityLabel('renewal_review')).toBe('Renewal review');
  });
});
