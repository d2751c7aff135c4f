// The Open referrals screen's row as it was drawn with Mantine's components (Table.Tr/Td, Badge, Text),
// kept here so tests/unit/open-referral-row-markup.test.ts can check the plain-element row draws the same HTML.
import { Badge, Button, NativeSelect, Table, Text } from '@mantine/core';
import { formatDay } from '../../src/shared/dates';
import { chapterLocale } from '../../src/renderer/chapter-today';
import type { OpenReferral } from '../../src/shared/contract';
import { referralStatuses } from '../../src/shared/domain';
import { ageLabel, referralFlags } from '../../src/renderer/open-referrals-wording';

// The labels the screen's picker shows (FollowUpModal's statusLabels; that module needs the app's client).
const statusLabels = { new: 'New', contacted: 'Contacted', meeting_set: 'Meeting set', won: 'Won', lost: 'Lost' } as const;
export const statusOptions = referralStatuses.map((s) => ({ value: s, label: statusLabels[s] }));

export function MantineReferralRows({ rows, today, openReferralDays, staleDays }: { rows: OpenReferral[]; today: string; openReferralDays: number; staleDays: number | null }) {
  const flagRules = { openReferralDays, staleDays };
  return (
    <Table aria-label="Open referrals" striped verticalSpacing={4}>
      <Table.Tbody>
        {rows.map((r) => {
          const flags = referralFlags(r, flagRules, today);
          return (
            <Table.Tr key={r.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDay(r.meetingOn, chapterLocale())}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={flags.overdue ? 'red' : r.status === 'won' ? 'teal' : r.meetingOn > today ? 'blue' : 'gray'} title={flags.overdue ? `Open more than ${openReferralDays} days` : undefined}>
                  {ageLabel(r, today)}
                </Badge>
                {flags.stale && (
                  <Badge variant="outline" color="orange" ml={4} title={`No follow-up recorded since ${r.lastUpdateOn} (stale after ${staleDays} days)`}>
                    stale · {r.daysSinceUpdate} d
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{r.giverName}</Table.Td>
              <Table.Td>{r.receiverName}</Table.Td>
              <Table.Td>
                {r.prospectName}
                {r.prospectPhone && (
                  <Text size="xs" c="dimmed">
                    {r.prospectPhone}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.temperature}</Table.Td>
              <Table.Td>
                <NativeSelect size="xs" w={150} aria-label={`Status of ${r.prospectName}`} data={statusOptions} value={r.status} onChange={() => {}} />
                <Button size="compact-xs" variant="subtle" mt={2} aria-label={`Follow-up history of ${r.prospectName}`}>
                  History · note
                </Button>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
