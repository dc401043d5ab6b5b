import type { ReactNode } from 'react';
import { Group, Paper, Title } from '@mantine/core';

/** One card of the claim page: a titled box, with an optional control on the right of its title. */
export function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h5">
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}
