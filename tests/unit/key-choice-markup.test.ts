// The slip bar's one-key choices (inside/outside, temperature 1–5, new/repeat, tier 3) are plain radio
// groups wearing Mantine's SegmentedControl classes: Mantine's control measured the page each time its
// value changed (after every Enter the bar's choices go back to their defaults). What the secretary sees
// must not change: the same HTML as Mantine's SegmentedControl draws before it measures (Mantine's own CSS
// then marks the chosen option), whichever option is chosen.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { Input, MantineProvider, SegmentedControl } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { KeyChoice } from '../../src/renderer/components/KeyChoice';
import { theme } from '../../src/renderer/theme';

const temperatures = (['1', '2', '3', '4', '5'] as const).map((t) => ({ value: t, label: t, key: t }));
const tyfcbKinds = [{ value: 'inside', label: 'Inside', key: 'i' }, { value: 'outside', label: 'Outside', key: 'o' }, { value: 'tier3', label: 'Tier 3', key: 't' }];
// Radio groups are named by a generated id: the same in both, whatever its spelling.
const draw = (node: ReturnType<typeof h>) => renderToStaticMarkup(h(MantineProvider, { theme }, node)).replace(/^(<style[^>]*>[^<]*<\/style>)+/, '').replace(/mantine-_R_[A-Za-z0-9_]+_/g, 'ID');
const mantine = (label: string, options: Array<{ value: string; label: string }>, value: string, error?: string) =>
  h(Input.Wrapper, { label, error }, h('div', { 'data-slip-field': 'field' }, h(SegmentedControl, { fullWidth: true, transitionDuration: 0, 'aria-label': label, value, onChange: () => {}, data: options.map((o) => ({ value: o.value, label: o.label })) })));

describe('a one-key choice looks exactly as Mantine drew it', () => {
  for (const value of ['1', '3', '5']) {
    it(`temperature ${value} chosen: the same HTML, that option marked chosen`, () => {
      const plain = draw(h(KeyChoice, { label: 'Temperature (1–5)', fieldName: 'field', options: temperatures, value, onChange: () => {} }));
      expect(plain).toContain(`checked="" value="${value}"`);
      expect(plain).toBe(draw(mantine('Temperature (1–5)', temperatures, value)));
    });
  }
  it('tier 3 with a refusal under it: the same HTML', () => {
    const error = 'Choose inside, outside or tier 3.';
    const plain = draw(h(KeyChoice, { label: 'Inside / outside / tier 3 (I/O/T)', fieldName: 'field', options: tyfcbKinds, value: 'tier3', error, onChange: () => {} }));
    expect(plain).toContain(error);
    expect(plain).toBe(draw(mantine('Inside / outside / tier 3 (I/O/T)', tyfcbKinds, 'tier3', error)));
  });
});
