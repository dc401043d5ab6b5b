import { useState } from 'react';
import { Anchor, Button, Group, Paper, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { SitePageDto } from '@factdesk/domain';
import { ErrorAlert, LoadingRows } from '../../components/common';
import { formatDateTime } from '../../lib/format';
import { renderMarkdown } from '../../lib/markdown';
import { useSaveSitePage, useSitePages } from './queries';

function SitePageEditor({ page }: { page: SitePageDto }) {
  const save = useSaveSitePage();
  const [title, setTitle] = useState(page.title);
  const [body, setBody] = useState(page.body);
  const [preview, setPreview] = useState(false);
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{page.title}</Text>
        <Text size="xs" c="dimmed">
          <Anchor href={page.path} target="_blank" rel="noopener" size="xs" underline="always">
            {page.path}
          </Anchor>{' '}
          · {page.edited ? `edited ${formatDateTime(page.updatedAt)}` : 'default text'}
        </Text>
      </Group>
      <Stack gap="sm">
        <TextInput label="Title" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <Switch label="Preview" checked={preview} onChange={(e) => setPreview(e.currentTarget.checked)} />
        {preview ? (
          <div className="markdown" dangerouslySetInnerHTML={{ __html: renderMarkdown(body) }} />
        ) : (
          <Textarea
            label="Text (Markdown)"
            autosize
            minRows={8}
            maxRows={24}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
        )}
        {save.error && <ErrorAlert error={save.error} title="Not saved" />}
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            disabled={title === page.title && body === page.body}
            onClick={() =>
              save.mutate(
                { key: page.key, title, body },
                { onSuccess: () => notifications.show({ color: 'green', message: `${title} is live.` }) },
              )
            }
          >
            Publish text
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** The public methodology and corrections-policy pages, edited in Markdown. */
export function SitePagesTab() {
  const pages = useSitePages();
  if (pages.error) return <ErrorAlert error={pages.error} />;
  if (pages.isPending) return <LoadingRows />;
  return (
    <Stack>
      {pages.data.map((p) => (
        <SitePageEditor key={p.key} page={p} />
      ))}
    </Stack>
  );
}
