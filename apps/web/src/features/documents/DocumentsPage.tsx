import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Grid, Group, Paper, Progress, SegmentedControl, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { roleAllowed } from '@factdesk/domain';
import { Link, useNavigate } from 'react-router';
import { EmptyState, ErrorAlert, LoadingRows, PageHeader } from '../../components/common';
import { DOCUMENT_STATUS_LABELS, formatDateTime } from '../../lib/format';
import { useMe } from '../auth/queries';
import { isIngesting, useDocuments, useRetryDocument, useSubmitDocument, type DocumentInput } from './queries';

type Mode = 'text' | 'file' | 'url';

function SubmitDocument() {
  const submit = useSubmitDocument();
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [outlet, setOutlet] = useState('');
  const [duplicate, setDuplicate] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const meta = { title: title.trim() || undefined, outlet: outlet.trim() || undefined };
    const input: DocumentInput | null = mode === 'text' ? { kind: 'text', text, ...meta } : mode === 'url' ? { kind: 'url', url: url.trim(), ...meta } : file ? { kind: 'file', file, ...meta } : null;
    if (!input) return;
    submit.mutate(input, {
      onSuccess: (result) => {
        setDuplicate(result.duplicate);
        if (!result.duplicate) void navigate(`/documents/${result.document.id}`);
      },
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={onSubmit} aria-labelledby="submit-title">
      <Stack gap="sm">
        <Text fw={600} id="submit-title">
          Add a document
        </Text>
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v as Mode)}
          data={[
            { value: 'text', label: 'Paste text' },
            { value: 'file', label: 'Upload a file' },
            { value: 'url', label: 'From a URL' },
          ]}
          aria-label="How to add the document"
        />
        {mode === 'text' && (
          <Textarea label="Text" description="A transcript, interview or article. Speaker turns like “Sergey Lavrov:” are recognised." autosize minRows={8} maxRows={16} required value={text} onChange={(e) => setText(e.currentTarget.value)} />
        )}
        {mode === 'file' && <FileInput label="File" description=".txt, .md, .html, .pdf or .docx" accept=".txt,.md,.html,.htm,.pdf,.docx" required value={file} onChange={setFile} clearable />}
        {mode === 'url' && <TextInput label="URL" type="url" placeholder="https://…" required value={url} onChange={(e) => setUrl(e.currentTarget.value)} />}
        <Group grow>
          <TextInput label="Title" placeholder="Optional: found in the text when left empty" value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
          <TextInput label="Outlet" placeholder="Optional" value={outlet} onChange={(e) => setOutlet(e.currentTarget.value)} />
        </Group>
        {submit.error && <ErrorAlert error={submit.error} title="The document was not taken" />}
        {duplicate && submit.data && (
          <Alert color="blue" title="Already here">
            This document was submitted before.{' '}
            <Anchor component={Link} to={`/documents/${submit.data.document.id}`}>
              Open it
            </Anchor>
            .
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isPending}>
            Find claims
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function StatusCell({ status, progress, error }: { status: keyof typeof DOCUMENT_STATUS_LABELS; progress: number; error: string | null }) {
  const colour = status === 'failed' ? 'red' : status === 'done' ? 'green' : 'blue';
  return (
    <Stack gap={4} miw={140}>
      <Group gap={6}>
        <Badge color={colour} variant="light" size="sm">
          {DOCUMENT_STATUS_LABELS[status]}
        </Badge>
        {status !== 'done' && status !== 'failed' && (
          <Text size="xs" c="dimmed">
            {progress}%
          </Text>
        )}
      </Group>
      {status !== 'done' && <Progress value={status === 'failed' ? 100 : progress} color={colour} size="xs" animated={status !== 'failed'} aria-label={`Progress ${progress}%`} />}
      {error && (
        <Text size="xs" c="red.8" lineClamp={2}>
          {error}
        </Text>
      )}
    </Stack>
  );
}

export function DocumentsPage() {
  const { data: me } = useMe();
  const docs = useDocuments();
  const retry = useRetryDocument();
  const editor = !!me && roleAllowed(me.user.role, ['editor']);
  const items = docs.data?.items ?? [];
  const list = (
    <Paper withBorder radius="md" p={0}>
      {docs.error && <ErrorAlert error={docs.error} />}
      {docs.isPending ? (
        <div style={{ padding: 16 }}>
          <LoadingRows />
        </div>
      ) : items.length === 0 ? (
        <EmptyState title="No documents yet">{editor ? 'Paste a transcript, upload a file or give a URL: the claims in it appear within seconds.' : 'Editors add documents; their claims appear here.'}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Document</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th ta="right">Claims</Table.Th>
                <Table.Th>Added</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((d) => (
                <Table.Tr key={d.id} data-testid="document-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/documents/${d.id}`} fw={500} size="sm">
                      {d.title ?? 'Untitled document'}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {[d.outlet, d.format.toUpperCase(), d.submittedBy?.name].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <StatusCell status={d.status} progress={d.progress} error={d.error} />
                    {d.status === 'failed' && editor && (
                      <Button size="compact-xs" variant="light" mt={4} onClick={() => retry.mutate(d.id)} loading={retry.isPending && retry.variables === d.id}>
                        Retry
                      </Button>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {isIngesting(d) ? (
                      '—'
                    ) : (
                      <Anchor component={Link} to={`/claims?documentId=${d.id}`} size="sm">
                        {d.checkworthyCount} / {d.claimCount}
                      </Anchor>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(d.createdAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
  return (
    <>
      <PageHeader title="Documents" description="Transcripts, interviews and articles, and the claims found in them (check-worthy / all)." />
      {editor ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <SubmitDocument />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>{list}</Grid.Col>
        </Grid>
      ) : (
        list
      )}
    </>
  );
}
