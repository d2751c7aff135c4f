// The Audit log's entries are drawn with plain elements wearing Mantine's classes (a hundred entries of about
// eight Mantine components were most of the screen's page time on a ten-year chapter). What the president sees
// must not change: the entries draw exactly the HTML Mantine's Table, Text, Group, Badge and Anchor drew —
// every action's colour and one the log does not colour, with and without a reason, an opened entry, summaries
// in Chinese, Arabic and Hindi.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider, Table } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/shared/contract';
import { AuditLogRow } from '../../src/renderer/components/AuditLogRow';
import { theme } from '../../src/renderer/theme';
import { MantineAuditRows } from '../support/audit-rows-mantine';

const base: AuditEntry = { id: 'a1', seq: 1, at: '2026-11-24 19:05:00', action: 'insert', entity: 'referral', entityId: 'r1', reason: '', change: '', summary: 'Referral from 李 伟 to أمل حداد: Alvarez family', before: null, after: '{}' };
const entries: AuditEntry[] = ['insert', 'update', 'delete', 'close', 'reopen', 'restore', 'import', 'merge'].map((action, i) => ({
  ...base,
  id: `a${i}`,
  seq: i,
  action,
  entity: ['referral', 'tyfcb', 'member', 'meeting', 'meeting', 'chapter', 'import_batch', 'visitor'][i]!,
  reason: i % 2 ? 'प्रिया शर्मा asked for the correction' : '',
}));
const localTime = (at: string) => `${at} · local`;
const draw = (node: ReturnType<typeof h>) => renderToStaticMarkup(h(MantineProvider, { theme }, node)).replace(/^(<style[^>]*>[^<]*<\/style>)+/, '');

describe('the Audit log entries look exactly as they did with Mantine components', () => {
  it('every action, with and without a reason, one entry opened: the same HTML', () => {
    const plain = draw(
      h(Table, { 'aria-label': 'Audit log', striped: true, verticalSpacing: 4 },
        h(Table.Tbody, null, entries.map((e) => h(AuditLogRow, { key: e.id, entry: e, open: e.id === 'a3', onToggle: () => {}, when: localTime(e.at) })))),
    );
    expect(plain).toContain('प्रिया शर्मा asked for the correction');
    expect(plain).toContain('aria-expanded="true"');
    expect(plain).toContain('>hide<');
    expect(plain).toContain('2026-11-24 19:05:00 · local');
    expect(plain).toBe(draw(h(MantineAuditRows, { entries, open: 'a3', localTime })));
  });
});
