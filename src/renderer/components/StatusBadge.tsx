import { Badge } from '@mantine/core';
import { memberStatusLabels, type MemberStatus } from '../../shared/domain';
import type { SeatState } from '../../shared/contract';

const memberColors: Record<MemberStatus, string> = { active: 'teal', applicant: 'yellow', on_leave: 'blue', former: 'gray' };

export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  return (
    <Badge color={memberColors[status]} variant="light">
      {memberStatusLabels[status]}
    </Badge>
  );
}

export const seatLabels: Record<SeatState, string> = { held: 'Held', applicant: 'Applicant', open: 'Open' };
export const seatColors: Record<SeatState, string> = { held: 'teal', applicant: 'yellow', open: 'gray' };

export function SeatBadge({ seat }: { seat: SeatState }) {
  return (
    <Badge color={seatColors[seat]} variant={seat === 'open' ? 'outline' : 'light'} miw={84}>
      {seatLabels[seat]}
    </Badge>
  );
}
