// The heatmap's body as it was drawn with React elements, kept here so tests/unit/heatmap-body.test.ts can
// check the HTML string the grid now uses is the same.
import type { HeatmapLabel } from '../../src/renderer/heatmap-body';

export function ReactHeatmapBody({ members, labels, max }: { members: Array<{ memberId: string; name: string }>; labels: HeatmapLabel[][]; max: number }) {
  return (
    <tbody>
      {members.map((giver, row) => (
        <tr key={giver.memberId}>
          <th scope="row" title={giver.name} style={{ textAlign: 'right', paddingRight: 6, fontWeight: 500, whiteSpace: 'nowrap', maxWidth: 200, overflow: 'hidden', textOverflow: 'ellipsis', position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)' }}>
            {giver.name}
          </th>
          {members.map((receiver, col) => {
            const { text, count, self } = labels[row]![col]!;
            return (
              <td
                key={receiver.memberId}
                role="gridcell"
                data-cell={`${row}-${col}`}
                tabIndex={row === 0 && col === 0 ? 0 : -1}
                aria-label={text}
                data-self={self || undefined}
                data-dark={count / max > 0.55 || undefined}
                style={!self && count > 0 ? { background: `rgba(12, 166, 120, ${0.15 + 0.85 * (count / max)})` } : undefined}
              >
                {count > 0 ? count : ''}
              </td>
            );
          })}
        </tr>
      ))}
    </tbody>
  );
}
