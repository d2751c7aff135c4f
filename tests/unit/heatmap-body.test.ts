// The Reciprocity heatmap's body is written as one piece of HTML (3,600 React elements were most of the
// screen's own time on a sixty-member chapter). What the president and a screen reader get must not change:
// the same cells, names, counts, colours and labels as React drew them — names with <, &, quotes and
// apostrophes, Chinese, Arabic and Hindi, oneself greyed, the busiest pairs dark.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { heatmapBodyHtml, type HeatmapLabel } from '../../src/renderer/heatmap-body';
import { ReactHeatmapBody } from '../support/heatmap-body-react';

const members = ['Dana Ruiz', "Seán O'Brien", 'Smith & <Sons> "Ltd"', '李 伟', 'أمل حداد', 'प्रिया शर्मा'].map((name, i) => ({ memberId: `m${i}`, name }));
const counts = [
  [0, 3, 0, 1, 0, 7],
  [2, 0, 0, 0, 5, 0],
  [0, 1, 0, 0, 0, 0],
  [9, 0, 4, 0, 0, 1],
  [0, 0, 0, 2, 0, 0],
  [1, 1, 1, 1, 1, 0],
];
const labels: HeatmapLabel[][] = members.map((giver, row) =>
  members.map((receiver, col) => {
    const self = row === col;
    const count = counts[row]![col]!;
    return { self, count, text: self ? `${giver.name} (no referrals to oneself)` : `${giver.name} → ${receiver.name}: ${count} referrals, 1.250,00 € closed` };
  }),
);

describe('the heatmap body written as HTML', () => {
  it('is the HTML React drew for the same cells', () => {
    const max = 9;
    const html = heatmapBodyHtml(members, labels, max);
    expect(html).toContain('title="Smith &amp; &lt;Sons&gt; &quot;Ltd&quot;"');
    expect(html).toContain('data-cell="3-0" tabindex="-1"');
    expect(html).toContain('data-dark="true"');
    expect(html).toContain('data-self="true"');
    expect(`<tbody>${html}</tbody>`).toBe(renderToStaticMarkup(h(ReactHeatmapBody, { members, labels, max })));
  });

  it('a chapter with no referrals yet: every cell empty, only the first a tab stop, the same HTML', () => {
    const empty = labels.map((row) => row.map((l) => ({ ...l, count: 0 })));
    const html = heatmapBodyHtml(members, empty, 1);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).not.toContain('style="background');
    expect(`<tbody>${html}</tbody>`).toBe(renderToStaticMarkup(h(ReactHeatmapBody, { members, labels: empty, max: 1 })));
  });
});
