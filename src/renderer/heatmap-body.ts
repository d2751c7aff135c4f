// The heatmap's body (3,600 cells for sixty members) as one piece of HTML instead of 3,600 React elements:
// creating and committing them was most of the Reciprocity screen's own time on a big chapter. The grid's
// handlers were already on the table (one for all cells), and the roving tab stop is moved on the cells
// themselves, so nothing in a cell needs React. tests/unit/heatmap-body.test.ts checks it is the HTML React
// drew, names with <, & and quotes included.

export interface HeatmapLabel {
  text: string;
  count: number;
  self: boolean;
}

/** As React escapes text and attribute values. */
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' })[c]!);

const rowHeadStyle = 'text-align:right;padding-right:6px;font-weight:500;white-space:nowrap;max-width:200px;overflow:hidden;text-overflow:ellipsis;position:sticky;left:0;z-index:1;background:var(--mantine-color-body)';

/** One row per giver: its name (kept in view when the grid scrolls sideways), then a cell per receiver. */
export function heatmapBodyHtml(members: ReadonlyArray<{ name: string }>, labels: HeatmapLabel[][], max: number): string {
  const out: string[] = [];
  members.forEach((giver, row) => {
    const name = escape(giver.name);
    out.push(`<tr><th scope="row" title="${name}" style="${rowHeadStyle}">${name}</th>`);
    labels[row]!.forEach(({ text, count, self }, col) => {
      out.push(
        `<td role="gridcell" data-cell="${row}-${col}" tabindex="${row === 0 && col === 0 ? 0 : -1}" aria-label="${escape(text)}"`,
        self ? ' data-self="true"' : '',
        count / max > 0.55 ? ' data-dark="true"' : '',
        !self && count > 0 ? ` style="background:rgba(12, 166, 120, ${0.15 + 0.85 * (count / max)})"` : '',
        `>${count > 0 ? count : ''}</td>`,
      );
    });
    out.push('</tr>');
  });
  return out.join('');
}
