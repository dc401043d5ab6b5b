import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { RatingDto } from '@factdesk/domain';
import { DataTable } from '../../components/DataTable';
import { useRatings } from '../claims/queries';
import { RatingModal } from './RatingModal';

/** The rating scale in order; retired ratings stay listed (old verdicts use them) but cannot be chosen. */
export function RatingsTab() {
  const ratings = useRatings();
  const [editing, setEditing] = useState<RatingDto | 'new' | null>(null);
  const list = [...(ratings.data ?? [])].sort((a, b) => a.position - b.position);
  return (
    <Stack>
      <DataTable
        rows={list}
        loading={ratings.isPending}
        rowKey={(r) => r.id}
        rowProps={(r) => ({ className: r.active ? undefined : 'retired' })}
        columns={[
          { key: 'position', header: 'Order', width: 60, cell: (r) => r.position },
          {
            key: 'rating',
            header: 'Rating',
            cell: (r) => (
              <>
                <Badge color={r.colour} autoContrast radius="sm">
                  {r.label}
                </Badge>
                {!r.active && (
                  <Text size="xs" c="dimmed">
                    retired
                  </Text>
                )}
              </>
            ),
          },
          { key: 'description', header: 'Description', cell: (r) => <Text size="sm">{r.description}</Text> },
          { key: 'value', header: 'Value', width: 70, cell: (r) => r.value ?? '—' },
          {
            key: 'edit',
            label: 'Actions',
            width: 90,
            cell: (r) => (
              <ActionIcon variant="subtle" aria-label={`Edit ${r.label}`} onClick={() => setEditing(r)}>
                <IconPencil size={16} />
              </ActionIcon>
            ),
          },
        ]}
      />
      <Group justify="flex-end">
        <Button onClick={() => setEditing('new')}>Add a rating</Button>
      </Group>
      {editing && (
        <RatingModal
          rating={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          nextPosition={(list.at(-1)?.position ?? 0) + 1}
        />
      )}
    </Stack>
  );
}
