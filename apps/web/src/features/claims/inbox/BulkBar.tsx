import { Affix, Button, Group, Paper, Text } from '@mantine/core';

/** Floats over the list while claims are ticked: what can be done to all of them at once. */
export function BulkBar({
  count,
  accepting,
  onAccept,
  onDismiss,
  onAssign,
  onClear,
}: {
  count: number;
  accepting: boolean;
  onAccept: () => void;
  onDismiss: () => void;
  onAssign: () => void;
  onClear: () => void;
}) {
  if (count === 0) return null;
  return (
    <Affix position={{ bottom: 20, left: '50%' }} style={{ transform: 'translateX(-50%)' }}>
      <Paper
        shadow="lg"
        withBorder
        radius="xl"
        px="md"
        py={8}
        className="bulk-bar"
        role="region"
        aria-label="Selected claims"
      >
        <Group gap="sm">
          <Text size="sm" fw={600}>
            {count} selected
          </Text>
          <Button size="compact-sm" color="green" onClick={onAccept} loading={accepting}>
            Accept
          </Button>
          <Button size="compact-sm" color="red" variant="light" onClick={onDismiss}>
            Dismiss…
          </Button>
          <Button size="compact-sm" variant="light" onClick={onAssign}>
            Assign…
          </Button>
          <Button size="compact-sm" variant="subtle" color="gray" onClick={onClear}>
            Clear
          </Button>
        </Group>
      </Paper>
    </Affix>
  );
}
