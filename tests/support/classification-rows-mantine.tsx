// Settings' classification rows as they were drawn with Mantine's components (Table.Tr/Td, Checkbox,
// NativeSelect, Badge, Text, ActionIcon), kept here so tests/unit/classification-row-markup.test.ts can
// check the plain-element row draws the same HTML.
import { ActionIcon, Checkbox, Group, NativeSelect, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import type { Classification } from '../../src/shared/contract';
import { SeatBadge } from '../../src/renderer/components/StatusBadge';

export function MantineClassificationRows({ rows, ticked, sphereOptions }: { rows: Classification[]; ticked: string[]; sphereOptions: Array<{ value: string; label: string }> }) {
  return (
    <Table aria-label="Classifications" verticalSpacing={4}>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Checkbox aria-label={`Tick ${c.name}`} checked={ticked.includes(c.id)} onChange={() => {}} />
            </Table.Td>
            <Table.Td>{c.name}</Table.Td>
            <Table.Td>
              <NativeSelect size="xs" data={[{ value: '', label: 'None' }, ...sphereOptions]} value={c.sphereId ?? ''} onChange={() => {}} aria-label={`Contact sphere of ${c.name}`} w={220} />
            </Table.Td>
            <Table.Td>
              <Group gap="xs">
                <SeatBadge seat={c.seat} />
                {c.holder && <Text size="sm">{c.holder.name}</Text>}
              </Group>
            </Table.Td>
            <Table.Td>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove ${c.name}`} onClick={() => {}}>
                <IconTrash size={16} />
              </ActionIcon>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
