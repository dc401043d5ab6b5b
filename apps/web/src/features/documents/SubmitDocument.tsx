import { useState, type FormEvent } from 'react';
import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/common';
import {
  EMPTY_PROVENANCE_FORM,
  ProvenanceFields,
  provenanceFromForm,
  type ProvenanceForm,
} from '../../components/ProvenanceFields';
import { useMe } from '../auth/queries';
import { useSubmitDocument, type DocumentInput } from './queries';
import { sizeProblem, utf8Bytes } from './size';

type Mode = 'text' | 'file' | 'url';

/** Adds a document by pasted text, an uploaded file or a URL; a document seen before links to the first. */
export function SubmitDocument() {
  const submit = useSubmitDocument();
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('text');
  const [text, setText] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [outlet, setOutlet] = useState('');
  const [provenance, setProvenance] = useState<ProvenanceForm>(EMPTY_PROVENANCE_FORM);
  const [timeError, setTimeError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  // Checked here against the server's limit: an 11 MB paste would otherwise freeze the form before the 413.
  const max = useMe().data?.limits.documentMaxBytes;
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const { value: p, timeError: badTime } = provenanceFromForm(provenance);
    setTimeError(badTime);
    if (badTime) return;
    // Each claim found in it inherits these; an editor can set a claim's own later.
    const meta = {
      title: title.trim() || undefined,
      outlet: outlet.trim() || undefined,
      saidAt: p.saidAt ?? undefined,
      venue: p.venue ?? undefined,
      sourceUrl: mode === 'url' ? undefined : (p.sourceUrl ?? undefined),
      mediaUrl: p.mediaUrl ?? undefined,
      mediaStartSeconds: p.mediaStartSeconds ?? undefined,
      appearedIn: p.appearedIn ?? undefined,
    };
    const input: DocumentInput | null =
      mode === 'text'
        ? { kind: 'text', text, ...meta }
        : mode === 'url'
          ? { kind: 'url', url: url.trim(), ...meta }
          : file
            ? { kind: 'file', file, ...meta }
            : null;
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
          onChange={(v) => {
            setMode(v as Mode);
            setTooLarge(null);
          }}
          data={[
            { value: 'text', label: 'Paste text' },
            { value: 'file', label: 'Upload a file' },
            { value: 'url', label: 'From a URL' },
          ]}
          aria-label="How to add the document"
        />
        {mode === 'text' && (
          <Textarea
            label="Text"
            description="A transcript, interview or article. Speaker turns like “Sergey Lavrov:” are recognised."
            autosize
            minRows={8}
            maxRows={16}
            required
            value={text}
            onPaste={(e) => {
              const pasted = e.clipboardData.getData('text/plain');
              const problem = sizeProblem(utf8Bytes(text) + utf8Bytes(pasted), max, 'text');
              setTooLarge(problem);
              if (problem) e.preventDefault();
            }}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setTooLarge(sizeProblem(utf8Bytes(value), max, 'text'));
              setText(value);
            }}
            error={tooLarge}
          />
        )}
        {mode === 'file' && (
          <FileInput
            label="File"
            description=".txt, .md, .html, .pdf or .docx"
            accept=".txt,.md,.html,.htm,.pdf,.docx"
            required
            value={file}
            onChange={(f) => {
              const problem = f ? sizeProblem(f.size, max, 'file') : null;
              setTooLarge(problem);
              setFile(problem ? null : f);
            }}
            error={tooLarge}
            clearable
          />
        )}
        {mode === 'url' && (
          <TextInput
            label="URL"
            type="url"
            placeholder="https://…"
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
        )}
        <Group grow align="flex-start">
          <TextInput
            label="Title"
            description="Internal: the newsroom's working title"
            placeholder="Optional: found in the text when left empty"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <TextInput
            label="Outlet"
            placeholder="Optional"
            value={outlet}
            onChange={(e) => setOutlet(e.currentTarget.value)}
          />
        </Group>
        <ProvenanceFields
          value={provenance}
          onChange={setProvenance}
          sourceUrl={mode !== 'url'}
          timeError={timeError}
        />
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
          <Button type="submit" loading={submit.isPending} disabled={!!tooLarge}>
            Find claims
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
