import { Kbd, Modal, Table, Text } from '@mantine/core';
import { SHORTCUTS } from './keyboard';

export function ShortcutsModal({ opened, onClose, editor }: { opened: boolean; onClose: () => void; editor: boolean }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts">
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <Table.Tr key={keys}>
              <Table.Td w={120}>
                {keys
                  .split(' ')
                  .map((k, i) => ((k === '/' && i > 0) || k === 'or' ? ` ${k} ` : <Kbd key={k}>{k}</Kbd>))}
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!editor && (
        <Text size="xs" c="dimmed" mt="sm">
          Accepting, dismissing and assigning are for editors.
        </Text>
      )}
    </Modal>
  );
}
