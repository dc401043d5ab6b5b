import { Button, Group, Text } from '@mantine/core';

/** A toast's text with an Undo button beside it. */
export function UndoMessage({ message, onUndo }: { message: string; onUndo: () => void }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm">{message}</Text>
      <Button size="compact-xs" variant="light" onClick={onUndo} data-testid="undo">
        Undo
      </Button>
    </Group>
  );
}
