import { Box, ScrollArea, Text, Tooltip } from '@mantine/core';
import type { ReferralMatrix } from '../../shared/contract';

const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 3);

/**
 * Giver (rows) × receiver (columns). Column heads are initials so 60 members fit; every cell and
 * head names both members in a tooltip and to screen readers. Darker = more referrals.
 */
export function ReferralHeatmap({ matrix, formatMoney }: { matrix: ReferralMatrix; formatMoney: (minor: number) => string }) {
  const cells = new Map(matrix.cells.map((c) => [`${c.giverId}>${c.receiverId}`, c]));
  const max = Math.max(1, ...matrix.cells.map((c) => c.referrals));
  const size = matrix.members.length > 40 ? 18 : 24;
  return (
    <ScrollArea type="auto">
      <Box component="table" role="grid" aria-label="Referral matrix" style={{ borderCollapse: 'collapse', fontSize: 11 }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'right', paddingRight: 6, fontWeight: 500 }}>
              <Text size="xs" c="dimmed">
                giver ↓ · receiver →
              </Text>
            </th>
            {matrix.members.map((m) => (
              <th key={m.memberId} scope="col" title={m.name} aria-label={m.name} style={{ width: size, fontWeight: 600, color: 'var(--mantine-color-dimmed)' }}>
                {initials(m.name)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.members.map((giver) => (
            <tr key={giver.memberId}>
              <th scope="row" style={{ textAlign: 'right', paddingRight: 6, fontWeight: 500, whiteSpace: 'nowrap' }}>
                {giver.name}
              </th>
              {matrix.members.map((receiver) => {
                const cell = cells.get(`${giver.memberId}>${receiver.memberId}`);
                const n = cell?.referrals ?? 0;
                const self = giver.memberId === receiver.memberId;
                const label = self ? '' : `${giver.name} → ${receiver.name}: ${n} referral${n === 1 ? '' : 's'}${cell?.tyfcbMinor ? `, ${formatMoney(cell.tyfcbMinor)} closed` : ''}${cell?.tyfcbDisputedMinor ? `, ${formatMoney(cell.tyfcbDisputedMinor)} under dispute (not counted)` : ''}`;
                return (
                  <Tooltip key={receiver.memberId} label={label} disabled={self} withinPortal openDelay={150}>
                    <td
                      aria-label={label || undefined}
                      style={{
                        width: size,
                        height: size,
                        textAlign: 'center',
                        border: '1px solid var(--mantine-color-gray-2)',
                        background: self ? 'var(--mantine-color-gray-1)' : n === 0 ? 'white' : `rgba(12, 166, 120, ${0.15 + 0.85 * (n / max)})`,
                        color: n / max > 0.55 ? 'white' : 'var(--mantine-color-black)',
                      }}
                    >
                      {n > 0 ? n : ''}
                    </td>
                  </Tooltip>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>
    </ScrollArea>
  );
}
