// A letter reviewed and sent is logged with its status only; the Audit log still says whom it is to. It said
// "Changed absence letter to a member no longer on file" of a member still in the chapter (fresh-eyes trial):
// a president reading it would think the member had been removed.
import { describe, expect, it } from 'vitest';
import { loadDemoChapter } from '../../src/services/demo';
import { openTestDb, testRegistry } from '../support/db';
import { okValue as ok } from '../support/first-quarter';

describe('the Audit log on absence letters', () => {
  it("names the member on every change of a letter, not only when it was drafted", () => {
    const opened = openTestDb();
    const api = testRegistry(opened);
    loadDemoChapter(opened.db, '2026-11-24');
    try {
      const entries = ok<Array<{ entity: string; action: string; summary: string }>>(api.call('listAuditLog', {})).filter((e) => e.entity === 'absence_letter');
      const changes = entries.filter((e) => e.action === 'update');
      expect(changes.length).toBeGreaterThan(0);
      for (const e of entries) expect(e.summary).not.toContain('no longer on file');
      // Whom the demo's final letter went to, as the letters table says.
      const to = opened.sqlite.prepare("SELECT m.display_name FROM absence_letters l JOIN members m ON m.id = l.member_id WHERE l.status = 'sent'").pluck().all() as string[];
      expect(to.length).toBeGreaterThan(0);
      expect(changes.map((e) => e.summary)).toContain(`Changed absence letter to ${to[0]}: status reviewed → sent`);
    } finally {
      opened.close();
    }
  });
});
