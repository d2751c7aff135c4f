// Settings' classification rows are drawn with plain elements wearing Mantine's classes (sixty rows of eight
// Mantine components each were most of the time Settings took to open). What the secretary sees must not
// change: the rows draw exactly the HTML Mantine's Table, Checkbox, NativeSelect, Badge, Text and ActionIcon
// drew — a held seat, an applicant's, an open one, ticked and not, with and without a contact sphere, names
// in Chinese, Arabic and Hindi.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider, Table } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/shared/contract';
import { ClassificationRow } from '../../src/renderer/components/ClassificationRow';
import { theme } from '../../src/renderer/theme';
import { MantineClassificationRows } from '../support/classification-rows-mantine';

const holder = (name: string) => ({ memberId: `m-${name}`, name, company: 'Co', status: 'active' as const, since: '2024-01-01' });
const rows: Classification[] = [
  { id: 'c1', name: 'Plumbing', sphereId: 's1', sphereName: 'Home & Property', seat: 'held', holder: holder('Dana Ruiz') },
  { id: 'c2', name: 'Family law', sphereId: null, sphereName: null, seat: 'open', holder: null },
  { id: 'c3', name: '室内设计', sphereId: 's2', sphereName: 'Events', seat: 'applicant', holder: holder('李 伟') },
  { id: 'c4', name: 'محاسبة', sphereId: 's1', sphereName: 'Home & Property', seat: 'held', holder: holder('أمل حداد') },
  { id: 'c5', name: 'बीमा', sphereId: null, sphereName: null, seat: 'held', holder: holder('प्रिया शर्मा') },
];
const spheres = [
  { value: 's1', label: 'Home & Property' },
  { value: 's2', label: 'Events' },
];

const draw = (node: ReturnType<typeof h>) =>
  renderToStaticMarkup(h(MantineProvider, { theme }, node))
    .replace(/^(<style[^>]*>[^<]*<\/style>)+/, '')
    // Each input's id is React's own (useId), different by its place in the tree: compared as "id".
    .replace(/id="mantine-[^"]*"/g, 'id="…"');

const plainRows = (ticked: string[], sphereOptions = spheres) =>
  h(Table, { 'aria-label': 'Classifications', verticalSpacing: 4 },
    h(Table.Tbody, null, rows.map((c) => h(ClassificationRow, { key: c.id, c, ticked: ticked.includes(c.id), sphereOptions: [{ value: '', label: 'None' }, ...sphereOptions], onTick: () => {}, onMove: () => {}, onRemove: () => {} }))));

describe('the classification rows in Settings look exactly as they did with Mantine components', () => {
  it('held, applicant and open seats, two ticked, in a sphere or none: the same HTML', () => {
    const plain = draw(plainRows(['c1', 'c3']));
    expect(plain).toContain('aria-label="Tick 室内设计" type="checkbox" checked=""');
    expect(plain).toContain('<option value="s1" selected="">Home &amp; Property</option>');
    expect(plain).toContain('>Applicant</span>');
    expect(plain).toContain('प्रिया शर्मा');
    expect(plain).toBe(draw(h(MantineClassificationRows, { rows, ticked: ['c1', 'c3'], sphereOptions: spheres })));
  });

  it('nothing ticked and no contact spheres yet: the same HTML', () => {
    const plain = draw(plainRows([], []));
    expect(plain).not.toContain('checked=""');
    expect(plain).toBe(draw(h(MantineClassificationRows, { rows, ticked: [], sphereOptions: [] })));
  });
});
