import { Box, ScrollArea, Text } from '@mantine/core';
import { Deferred } from './Deferred';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { ReferralMatrix } from '../../shared/contract';
import { heatmapBodyHtml } from '../heatmap-body';

const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 3);

const hint = 'Point at a cell, or Tab into the grid and move with the arrow keys, to read who referred whom.';

/**
 * Giver (rows) × receiver (columns). Column heads are initials so 60 members fit; every cell names both
 * members to screen readers, and one readout above the grid says it for the cell pointed at or focused
 * (one line for the whole grid instead of a tooltip per cell: 3,600 of them blocked the screen for ~1 s).
 * The grid takes one Tab stop; the arrow keys, Home and End move within it. Darker = more referrals.
 */
export function ReferralHeatmap({ matrix, formatMoney }: { matrix: ReferralMatrix; formatMoney: (minor: number) => string }) {
  const say = useRef<(text: string) => void>(() => {});
  const register = useCallback((set: (text: string) => void) => {
    say.current = set;
  }, []);
  const speak = useCallback((text: string) => say.current(text), []);
  return (
    <Box>
      <Readout register={register} />
      {/* The grid (3,600 cells for 60 members) is drawn after the screen above it has been painted. */}
      <Deferred h={120} label="Drawing who refers whom">
        <Grid matrix={matrix} formatMoney={formatMoney} say={speak} />
      </Deferred>
    </Box>
  );
}

/** The one line that reads out a cell: its own state, so pointing at a cell re-renders this line only. */
function Readout({ register }: { register: (set: (text: string) => void) => void }) {
  const [text, setText] = useState('');
  useEffect(() => register(setText), [register]);
  return (
    <Text
      size="sm"
      aria-live="polite"
      data-testid="heatmap-readout"
      c={text ? undefined : 'dimmed'}
      fw={text ? 500 : undefined}
      style={{ position: 'sticky', top: 0, zIndex: 1, background: 'var(--mantine-color-body)', padding: '4px 0', minHeight: 28 }}
    >
      {text || hint}
    </Text>
  );
}

const Grid = memo(function Grid({ matrix, formatMoney, say }: { matrix: ReferralMatrix; formatMoney: (minor: number) => string; say: (text: string) => void }) {
  const table = useRef<HTMLTableElement>(null);
  const focused = useRef<string>('');
  const n = matrix.members.length;
  const labels = useMemo(() => {
    const cells = new Map(matrix.cells.map((c) => [`${c.giverId}>${c.receiverId}`, c]));
    return matrix.members.map((giver) =>
      matrix.members.map((receiver) => {
        const cell = cells.get(`${giver.memberId}>${receiver.memberId}`);
        const count = cell?.referrals ?? 0;
        const self = giver.memberId === receiver.memberId;
        const text = self
          ? `${giver.name} (no referrals to oneself)`
          : `${giver.name} → ${receiver.name}: ${count} referral${count === 1 ? '' : 's'}${cell?.tyfcbMinor ? `, ${formatMoney(cell.tyfcbMinor)} closed` : ''}${cell?.tyfcbDisputedMinor ? `, ${formatMoney(cell.tyfcbDisputedMinor)} under dispute (not counted)` : ''}`;
        return { text, count, self };
      }),
    );
  }, [matrix, formatMoney]);
  const max = Math.max(1, ...matrix.cells.map((c) => c.referrals));
  const body = useMemo(() => ({ __html: heatmapBodyHtml(matrix.members, labels, max) }), [matrix.members, labels, max]);
  const size = n > 40 ? 18 : 24;

  const cellAt = (row: number, col: number) => table.current?.querySelector<HTMLElement>(`td[data-cell="${row}-${col}"]`) ?? null;
  const textOf = (el: Element | null) => {
    const [row, col] = (el?.getAttribute('data-cell') ?? '').split('-').map(Number);
    return row === undefined || col === undefined || Number.isNaN(row) ? '' : (labels[row]?.[col]?.text ?? '');
  };
  const move = (event: KeyboardEvent<HTMLTableElement>) => {
    const from = (event.target as HTMLElement).closest('td[data-cell]');
    if (!from) return;
    const [row, col] = from.getAttribute('data-cell')!.split('-').map(Number) as [number, number];
    const to: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, row - 1), col],
      ArrowDown: [Math.min(n - 1, row + 1), col],
      ArrowLeft: [row, Math.max(0, col - 1)],
      ArrowRight: [row, Math.min(n - 1, col + 1)],
      Home: [row, 0],
      End: [row, n - 1],
    };
    const next = to[event.key];
    if (!next) return;
    event.preventDefault();
    const target = cellAt(...next);
    if (!target) return;
    // A roving tab stop: the grid keeps one, on the cell last moved to.
    from.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus();
  };

  return (
    <ScrollArea type="auto">
      {/* The cell pointed at or focused is outlined (one rule for the grid, no handler per cell). */}
      {/* What every cell shares is one rule, not 3,600 inline styles (each cell keeps only its colour). */}
      <style>
        {'.ledger-heatmap td[data-cell] { width: var(--cell); min-width: var(--cell); height: var(--cell); text-align: center; border: 1px solid var(--mantine-color-gray-2); color: var(--mantine-color-black); background: white; }' +
          '.ledger-heatmap td[data-cell][data-self] { background: var(--mantine-color-gray-1); }' +
          '.ledger-heatmap td[data-cell][data-dark] { color: white; }' +
          '.ledger-heatmap td[data-cell]:hover, .ledger-heatmap td[data-cell]:focus { outline: 2px solid var(--mantine-color-blue-6); outline-offset: -2px; }'}
      </style>
      <Box
        component="table"
        className="ledger-heatmap"
        ref={table}
        role="grid"
        aria-label="Referral matrix"
        aria-rowcount={n + 1}
        aria-colcount={n + 1}
        style={{ borderCollapse: 'collapse', fontSize: 11, '--cell': `${size}px` } as CSSProperties}
        onKeyDown={move}
        onFocus={(e) => {
          focused.current = textOf((e.target as HTMLElement).closest('td[data-cell]'));
          say(focused.current);
        }}
        onBlur={() => {
          focused.current = '';
          say('');
        }}
        onMouseOver={(e) => {
          const text = textOf((e.target as HTMLElement).closest('td[data-cell]'));
          if (text) say(text);
        }}
        onMouseLeave={() => say(focused.current)}
      >
        <thead>
          <tr>
            <th style={{ textAlign: 'right', paddingRight: 6, fontWeight: 500 }}>
              <Text size="xs" c="dimmed">
                giver ↓ · receiver →
              </Text>
            </th>
            {matrix.members.map((m) => (
              <th key={m.memberId} scope="col" title={m.name} aria-label={m.name} style={{ width: size, minWidth: size, whiteSpace: 'nowrap', fontWeight: 600, color: 'var(--mantine-color-dimmed)' }}>
                {initials(m.name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody dangerouslySetInnerHTML={body} />
      </Box>
    </ScrollArea>
  );
});
