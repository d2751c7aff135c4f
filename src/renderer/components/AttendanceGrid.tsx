import { Badge, Button, Group, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import type { MeetingSheet, RosterRow } from '../../shared/contract';
import { palmsMarks } from '../../shared/domain';
import { findRow } from '../find-row';
import { ledger } from '../client';

type Mark = (typeof palmsMarks)[number];
const markNames: Record<Mark, string> = { P: 'Present', A: 'Absent', L: 'Late', M: 'Medical', S: 'Substitute' };
const markColors: Record<Mark, string> = { P: 'teal', A: 'red', L: 'yellow', M: 'blue', S: 'grape' };

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/**
 * PALMS with one key per member: P, A, L, M or S on a row sets the mark and moves to the next row;
 * arrows move; S asks for the substitute's name. Works for a closed meeting too, with a reason.
 */
export function AttendanceGrid({
  sheet,
  windowMonths,
  reason,
  onMarked,
  onMarkedAll,
  onChanged,
}: {
  sheet: MeetingSheet;
  windowMonths: number;
  reason: string;
  /** A mark was set (the screen keeps it in its undo history). */
  onMarked?: (row: RosterRow, after: { mark: RosterRow['mark']; substituteName: string }) => void;
  /** "Mark everyone else present" marked these members (one step in the screen's undo history). */
  onMarkedAll?: (memberIds: string[]) => void;
  onChanged: () => Promise<void>;
}) {
  const rows = useRef<Array<HTMLTableRowElement | null>>([]);
  const [substituteFor, setSubstituteFor] = useState<string | null>(null);
  const [substitute, setSubstitute] = useState('');
  const [error, setError] = useState<{ memberId: string; message: string } | null>(null);
  const closed = sheet.meeting.status === 'completed';

  // Type-to-jump: "/" (or the field) finds a member by any part of the name, Enter goes to the row.
  const [jump, setJump] = useState('');
  const jumpRef = useRef<HTMLInputElement>(null);
  const jumpTo = (text: string) => findRow(sheet.roster, text);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement;
      if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement) return;
      e.preventDefault();
      jumpRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const focusRow = (index: number) => rows.current[Math.max(0, Math.min(index, sheet.roster.length - 1))]?.focus();

  // Opening the grid puts the cursor on the first member still to mark.
  useEffect(() => {
    const first = sheet.roster.findIndex((r) => r.mark === null);
    focusRow(first < 0 ? 0 : first);
  }, [sheet.meeting.id]);

  const mark = async (row: RosterRow, index: number, value: Mark, substituteName = '') => {
    if (value === 'S' && !substituteName) {
      setSubstituteFor(row.memberId);
      setSubstitute(row.substituteName ?? '');
      return;
    }
    // Move on at once: the secretary's next key is for the next member, whatever the save is doing.
    setSubstituteFor(null);
    focusRow(index + 1);
    try {
      await ledger.setAttendance({ meetingId: sheet.meeting.id, memberId: row.memberId, mark: value, substituteName, reason });
      setError(null);
      if (row.mark !== value || (row.substituteName ?? '') !== substituteName) onMarked?.(row, { mark: value, substituteName });
      await onChanged();
    } catch (e) {
      setError({ memberId: row.memberId, message: (e as Error).message });
    }
  };

  const markAll = async () => {
    // The substitute box still open: a name typed in it is recorded first (that member sat out with a
    // substitute, not present); an empty box closes, and its member is counted present with the rest.
    const openIndex = substituteFor ? sheet.roster.findIndex((r) => r.memberId === substituteFor) : -1;
    const open = openIndex >= 0 ? sheet.roster[openIndex]! : null;
    const typedName = substitute.trim();
    if (open && typedName) await mark(open, openIndex, 'S', typedName);
    else setSubstituteFor(null);
    const { marked, memberIds } = await ledger.markAllPresent({ meetingId: sheet.meeting.id });
    const counted = open && !typedName && memberIds.includes(open.memberId) ? ` ${open.name} is among them (the substitute box was empty): S on that row records a substitute instead.` : '';
    notifications.show({ message: `${marked} member${marked === 1 ? '' : 's'} marked present.${counted} Ctrl+Z takes these marks away again.` });
    if (memberIds.length > 0) onMarkedAll?.(memberIds);
    await onChanged();
  };

  return (
    <div>
      <Group justify="space-between" mb="xs">
        <Group gap="sm">
          <TextInput
            ref={jumpRef}
            size="xs"
            w={220}
            aria-label="Jump to member"
            placeholder="Jump to a name ( / )"
            value={jump}
            onChange={(e) => setJump(e.currentTarget.value)}
            error={jump.trim() && jumpTo(jump) < 0 ? `Nobody matches "${jump.trim()}"` : undefined}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'ArrowDown') {
                const index = jumpTo(jump);
                if (index < 0) return;
                e.preventDefault();
                setJump('');
                focusRow(index);
              }
              if (e.key === 'Escape') setJump('');
            }}
          />
          <Text size="sm" c="dimmed">
            Focus a row, then press <b>P</b>, <b>A</b>, <b>L</b>, <b>M</b> or <b>S</b>. ↑ ↓ move.
          </Text>
        </Group>
        {!closed && (
          <Button size="xs" variant="light" onClick={markAll} disabled={sheet.totals.unmarked === 0}>
            Mark everyone else present ({sheet.totals.unmarked})
          </Button>
        )}
      </Group>
      <Table aria-label="Attendance" verticalSpacing={4} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Member</Table.Th>
            <Table.Th>Mark</Table.Th>
            <Table.Th>Policy</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.roster.map((row, index) => (
            <Table.Tr
              key={row.memberId}
              ref={(el) => {
                rows.current[index] = el;
              }}
              tabIndex={0}
              aria-label={`${row.name}: ${row.mark ? markNames[row.mark] : 'not marked'}`}
              onKeyDown={(e) => {
                if (substituteFor === row.memberId) return;
                const key = e.key.toUpperCase();
                if ((palmsMarks as readonly string[]).includes(key) && !e.ctrlKey && !e.altKey && !e.metaKey) {
                  e.preventDefault();
                  void mark(row, index, key as Mark);
                } else if (e.key === 'ArrowDown') {
                  e.preventDefault();
                  focusRow(index + 1);
                } else if (e.key === 'ArrowUp') {
                  e.preventDefault();
                  focusRow(index - 1);
                }
              }}
              style={{ outlineOffset: -2 }}
            >
              <Table.Td>
                <Text size="sm" fw={500}>
                  {row.name}
                  {row.status === 'on_leave' && (
                    <Badge ml={6} size="xs" variant="light" color="blue">
                      on leave
                    </Badge>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {row.classificationName}
                </Text>
              </Table.Td>
              <Table.Td>
                {substituteFor === row.memberId ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      void mark(row, index, 'S', substitute.trim());
                    }}
                  >
                    <TextInput
                      size="xs"
                      autoFocus
                      aria-label={`Substitute for ${row.name}`}
                      // S moved the cursor here: say so, and what Enter and Esc do (the mark is kept only with a name).
                      description={`S: who sat in for ${row.name}? Enter records it · Esc goes back`}
                      placeholder="Substitute's name, then Enter"
                      value={substitute}
                      onChange={(e) => setSubstitute(e.currentTarget.value)}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') {
                          setSubstituteFor(null);
                          focusRow(index);
                        }
                      }}
                    />
                  </form>
                ) : (
                  <Group gap={4} wrap="nowrap">
                    {palmsMarks.map((m) => (
                      <UnstyledButton key={m} tabIndex={-1} onClick={() => void mark(row, index, m)} aria-label={`${markNames[m]} for ${row.name}`}>
                        <Badge size="lg" radius="sm" w={36} px={0} styles={{ label: { overflow: "visible" } }} variant={row.mark === m ? 'filled' : 'outline'} color={row.mark === m ? markColors[m] : 'gray'}>
                          {m}
                        </Badge>
                      </UnstyledButton>
                    ))}
                    {row.mark === 'S' && row.substituteName && (
                      <Text size="xs" c="dimmed" ml={4}>
                        {row.substituteName}
                      </Text>
                    )}
                  </Group>
                )}
                {error?.memberId === row.memberId && (
                  <Text size="xs" c="red" role="alert">
                    {error.message}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {row.mark === 'A' && (
                  <Text size="xs" c={row.overAbsenceLimit ? 'red' : 'orange'} fw={600}>
                    {ordinal(row.absencesInWindow)} absence in {windowMonths} months
                    {row.overAbsenceLimit ? ` — over the limit of ${sheet.absenceLimit}` : ''}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
