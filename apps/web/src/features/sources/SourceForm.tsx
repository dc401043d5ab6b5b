import { useState, type FormEvent } from 'react';
import { Button, Group, NumberInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { MonitoredSourceDto, MonitoredSourceKind } from '@factdesk/domain';
import { ApiRequestError } from '../../api/client';
import { ErrorAlert } from '../../components/common';
import { useCreateSource, useUpdateSource, type SourceFields } from './queries';

/** The API's field errors ("url": "must not point to a private address") by field, for the inputs. */
function fieldErrors(error: unknown): Record<string, string> {
  const fields = error instanceof ApiRequestError ? error.body.fields : undefined;
  return Object.fromEntries((fields ?? []).map((f) => [f.field, f.message]));
}

/** Adds a source, or edits one; the API's field errors show on their inputs. */
export function SourceForm({ source, onDone }: { source: MonitoredSourceDto | null; onDone: () => void }) {
  const create = useCreateSource();
  const update = useUpdateSource();
  const mutation = source ? update : create;
  const [name, setName] = useState(source?.name ?? '');
  const [url, setUrl] = useState(source?.url ?? '');
  const [kind, setKind] = useState<MonitoredSourceKind>(source?.kind ?? 'feed');
  const [speaker, setSpeaker] = useState(source?.defaultSpeaker?.name ?? '');
  const [outlet, setOutlet] = useState(source?.defaultOutlet ?? '');
  const [minutes, setMinutes] = useState<number | string>(source?.pollIntervalMinutes ?? 30);
  const [enabled, setEnabled] = useState(source?.enabled ?? true);
  const errors = fieldErrors(mutation.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: SourceFields = {
      name: name.trim(),
      url: url.trim(),
      kind,
      defaultSpeakerName: speaker.trim() || undefined,
      defaultOutlet: outlet.trim() || undefined,
      pollIntervalMinutes: typeof minutes === 'number' ? minutes : Number(minutes) || undefined,
      enabled,
    };
    const done = (s: MonitoredSourceDto) => {
      notifications.show({
        color: 'green',
        message: source ? `${s.name} saved` : `${s.name} added: it is being checked now`,
      });
      onDone();
    };
    if (source) update.mutate({ id: source.id, ...body }, { onSuccess: done });
    else create.mutate(body, { onSuccess: done });
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          required
          data-autofocus
          placeholder="Ministry of Economy: press releases"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="URL"
          required
          type="url"
          placeholder="https://example.gov/press/rss"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors.url}
          description="An RSS, Atom or JSON feed, or an HTML page listing articles"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Kind
          </Text>
          <SegmentedControl
            aria-label="Kind"
            value={kind}
            onChange={(v) => setKind(v as MonitoredSourceKind)}
            data={[
              { value: 'feed', label: 'Feed' },
              { value: 'html', label: 'Listing page' },
            ]}
          />
          {errors.kind && (
            <Text size="xs" c="red">
              {errors.kind}
            </Text>
          )}
        </div>
        <Group grow align="flex-start">
          <TextInput
            label="Default speaker"
            placeholder="Who usually speaks in its documents"
            value={speaker}
            onChange={(e) => setSpeaker(e.currentTarget.value)}
            error={errors.defaultSpeakerName}
          />
          <TextInput
            label="Default outlet"
            value={outlet}
            onChange={(e) => setOutlet(e.currentTarget.value)}
            error={errors.defaultOutlet}
          />
        </Group>
        <NumberInput
          label="Check every (minutes)"
          min={1}
          max={7 * 24 * 60}
          value={minutes}
          onChange={setMinutes}
          error={errors.pollIntervalMinutes}
        />
        <Switch
          label="Enabled (checked on schedule)"
          checked={enabled}
          onChange={(e) => setEnabled(e.currentTarget.checked)}
        />
        {mutation.error && <ErrorAlert error={mutation.error} title={source ? 'Not saved' : 'Not added'} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {source ? 'Save' : 'Add source'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
