// The slip list as it was drawn with Mantine's own components (Table, Badge, Group, ActionIcon, a Tooltip
// per button) up to session 6: the reference the plain-element list (src/renderer/components/SlipList.tsx)
// must draw the same HTML as (tests/unit/slip-list-markup.test.ts).
import { ActionIcon, Badge, Group, Table, Tooltip } from '@mantine/core';
import { IconHistory, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Slip } from '../../src/shared/contract';
import { describe } from '../../src/renderer/components/SlipList';
import { slipModes } from '../../src/renderer/slip-modes';

const kindLabels = Object.fromEntries(slipModes.map((m) => [m.kind, m.label])) as Record<Slip['kind'], string>;
const kindColors: Record<Slip['kind'], string> = { referral: 'blue', tyfcb: 'teal', one_to_one: 'grape', visitor: 'orange', ceu: 'gray', outside_party: 'cyan' };
const typeOf = (slip: Slip): Exclude<Slip['kind'], 'outside_party'> => (slip.kind === 'outside_party' ? slip.slipType : slip.kind);

export function MantineSlipList({ slips, money, editingId }: { slips: Slip[]; money: (m: number) => string; editingId: string | null }) {
  return (
    <Table aria-label="Slips of this meeting" aria-rowcount={slips.length + 1} mt="md" verticalSpacing={4} striped layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={124}>Type</Table.Th>
          <Table.Th w="19%">From</Table.Th>
          <Table.Th w="19%">To</Table.Th>
          <Table.Th>Detail</Table.Th>
          <Table.Th w={116} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {slips.map((slip, index) => {
          const d = describe(slip, money);
          const editing = slip.id === editingId;
          return (
            <Table.Tr key={slip.id} data-index={index} aria-rowindex={index + 2} aria-current={editing ? 'true' : undefined} bg={editing ? 'var(--mantine-color-orange-light)' : undefined}>
              <Table.Td>
                <Badge color={kindColors[slip.kind === 'outside_party' ? 'outside_party' : typeOf(slip)]} variant="light" styles={{ root: { flexShrink: 0 }, label: { overflow: 'visible' } }}>
                  {kindLabels[typeOf(slip)]}
                </Badge>
              </Table.Td>
              <Table.Td>{d.from}</Table.Td>
              <Table.Td>{d.to}</Table.Td>
              <Table.Td>{d.detail}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Tooltip label="History">
                    <ActionIcon variant="subtle" color="gray" aria-label={`History of ${kindLabels[typeOf(slip)]} ${d.from}`}>
                      <IconHistory size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Edit">
                    <ActionIcon variant="subtle" aria-label={`Edit ${kindLabels[typeOf(slip)]} ${d.from}`}>
                      <IconPencil size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label="Delete">
                    <ActionIcon variant="subtle" color="red" aria-label={`Delete ${kindLabels[typeOf(slip)]} ${d.from}`}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
