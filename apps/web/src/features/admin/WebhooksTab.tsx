import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Paper, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { WEBHOOK_EVENTS, type WebhookDto } from '@factdesk/domain';
import { notifications } from '@mantine/notifications';
import { ConfirmModal } from '../../components/ConfirmModal';
import { EmptyState, ErrorAlert, LoadingRows } from '../../components/common';
import { ShownOnce } from '../../components/ShownOnce';
import { formatDateTime } from '../../lib/format';
import {
  useCreateWebhook,
  useDeleteWebhook,
  useDeliveries,
  useRotateWebhook,
  useUpdateWebhook,
  useWebhooks,
} from './queries';

const DELIVERY_COLOURS = { pending: 'gray', succeeded: 'green', failed: 'red', cancelled: 'dark' } as const;

function Deliveries({ webhook }: { webhook: WebhookDto }) {
  const deliveries = useDeliveries(webhook.id);
  if (deliveries.isPending) return <LoadingRows rows={2} />;
  if (!deliveries.data?.length)
    return (
      <Text size="sm" c="dimmed">
        No deliveries yet: one is made for each publication, correction or retraction it subscribes to.
      </Text>
    );
  return (
    <Table fz="xs">
      <Table.Tbody>
        {deliveries.data.map((d) => {
          const last = d.attempts.at(-1);
          return (
            <Table.Tr key={d.id}>
              <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
              <Table.Td>{d.event}</Table.Td>
              <Table.Td>
                <Badge size="xs" color={DELIVERY_COLOURS[d.state]} variant="light">
                  {d.state}
                </Badge>
              </Table.Td>
              <Table.Td>
                {d.attempts.length} attempt{d.attempts.length === 1 ? '' : 's'}
                {last && ` · last: ${last.status ?? last.error ?? '—'} in ${last.durationMs} ms`}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

export function WebhooksTab() {
  const hooks = useWebhooks();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const rotate = useRotateWebhook();
  const remove = useDeleteWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENTS]);
  const [open, setOpen] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<WebhookDto | null>(null);
  const secret = (rotate.data ?? create.data)?.secret;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    rotate.reset();
    create.mutate(
      { url: url.trim(), description: description.trim() || undefined, events },
      { onSuccess: () => (setUrl(''), setDescription('')) },
    );
  };
  return (
    <Stack>
      <ConfirmModal
        opened={deleting !== null}
        title="Delete this webhook?"
        confirmLabel="Delete webhook"
        onClose={() => setDeleting(null)}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(deleting!.id, {
            onSuccess: () => {
              notifications.show({ color: 'green', message: 'Webhook deleted.' });
              setDeleting(null);
            },
          })
        }
      >
        {`${deleting?.url ?? ''} receives nothing more, and its delivery log is deleted with it.`}
      </ConfirmModal>
      {secret && (
        <ShownOnce what="signing secret" value={secret}>
          <Text size="xs" mt={4}>
            Deliveries are signed the Standard Webhooks way (webhook-id, webhook-timestamp, webhook-signature headers).
          </Text>
        </ShownOnce>
      )}
      {(update.error || rotate.error || remove.error) && (
        <ErrorAlert error={update.error ?? rotate.error ?? remove.error} />
      )}
      <Paper withBorder radius="md">
        {hooks.isPending ? (
          <LoadingRows />
        ) : hooks.error ? (
          <ErrorAlert error={hooks.error} />
        ) : !hooks.data.length ? (
          <EmptyState title="No webhooks">
            Partners and your CMS can be told the moment a fact-check is published, corrected or retracted.
          </EmptyState>
        ) : (
          <Stack gap={0}>
            {hooks.data.map((h) => (
              <div key={h.id} className="list-row" style={{ padding: '10px 14px' }}>
                <Group justify="space-between" wrap="nowrap">
                  <div className="grow">
                    <Text size="sm" fw={500} truncate>
                      {h.url}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {h.description || 'No description'} · {h.events.join(', ')}
                    </Text>
                    <Group gap={4} mt={4}>
                      {(Object.keys(h.deliveries) as (keyof typeof DELIVERY_COLOURS)[]).map((s) => (
                        <Badge key={s} size="xs" variant="light" color={DELIVERY_COLOURS[s]}>
                          {h.deliveries[s]} {s}
                        </Badge>
                      ))}
                    </Group>
                  </div>
                  <Group gap="xs" wrap="nowrap">
                    <Switch
                      aria-label={`Deliver to ${h.url}`}
                      checked={h.enabled}
                      onChange={(e) => update.mutate({ id: h.id, enabled: e.currentTarget.checked })}
                    />
                    <Button size="compact-xs" variant="default" onClick={() => setOpen(open === h.id ? null : h.id)}>
                      Deliveries
                    </Button>
                    <Button size="compact-xs" variant="light" onClick={() => (create.reset(), rotate.mutate(h.id))}>
                      Rotate secret
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="red"
                      onClick={() => (remove.reset(), setDeleting(h))}
                    >
                      Delete
                    </Button>
                  </Group>
                </Group>
                {open === h.id && (
                  <div style={{ marginTop: 8 }}>
                    <Deliveries webhook={h} />
                  </div>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Paper>
      <Paper withBorder p="md" radius="md" component="form" onSubmit={submit}>
        <Text fw={600} mb="sm">
          Add a webhook
        </Text>
        <Group grow align="flex-start">
          <TextInput
            label="Endpoint URL"
            type="url"
            required
            placeholder="https://partner.example/hooks/factdesk"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          <TextInput label="Description" value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
        </Group>
        <Checkbox.Group label="Events" value={events} onChange={setEvents} mt="sm">
          <Group mt={4}>
            {WEBHOOK_EVENTS.map((e) => (
              <Checkbox key={e} value={e} label={e} />
            ))}
          </Group>
        </Checkbox.Group>
        {create.error && <ErrorAlert error={create.error} title="Not added" />}
        <Group justify="flex-end" mt="sm">
          <Button type="submit" loading={create.isPending} disabled={events.length === 0}>
            Add webhook
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}
