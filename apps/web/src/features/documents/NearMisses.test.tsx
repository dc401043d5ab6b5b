import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSentencesDto } from '@factdesk/domain';
import { NearMisses } from './NearMisses';

const page = (over: Partial<DocumentSentencesDto> = {}): DocumentSentencesDto => ({
  documentId: 'd1',
  stored: true,
  threshold: 0.5,
  detectedThreshold: 0.5,
  sentenceCount: 10,
  total: 2,
  items: [
    {
      index: 3,
      start: 40,
      end: 100,
      text: "There's never been a time when the climate has not changed.",
      score: 0.48,
      speaker: 'RUBIO',
      claimType: 'other',
      claimId: null,
    },
    {
      index: 0,
      start: 0,
      end: 20,
      text: 'Thank you, Senator.',
      score: 0.04,
      speaker: null,
      claimType: 'other',
      claimId: null,
    },
  ],
  nextOffset: null,
  ...over,
});

/** Answers GETs with `sentences` and writes with `write`; returns the mock to read the calls from. */
function serve(sentences: DocumentSentencesDto, write: unknown = {}) {
  const fetch = vi.fn(
    async (_url: string, init?: RequestInit) =>
      new Response(JSON.stringify(init?.method && init.method !== 'GET' ? write : sentences), { status: 200 }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function show(editor: boolean) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <MantineProvider>
      <QueryClientProvider client={client}>
        <NearMisses id="d1" editor={editor} ready />
      </QueryClientProvider>
    </MantineProvider>,
  );
}

const writes = (fetch: ReturnType<typeof serve>) =>
  (fetch.mock.calls as unknown as [string, RequestInit | undefined][]).filter(
    ([, i]) => i?.method && i.method !== 'GET',
  );

afterEach(() => vi.unstubAllGlobals());

describe('NearMisses', () => {
  it('lists near misses with score and speaker, asking for them highest first', async () => {
    const fetch = serve(page());
    show(true);
    await screen.findByText("There's never been a time when the climate has not changed.");
    expect(String(fetch.mock.calls[0]![0])).toBe('/api/documents/d1/sentences?band=near_misses&limit=50&offset=0');
    expect(screen.getByText('RUBIO')).toBeTruthy();
    expect(screen.getByText('Unknown speaker')).toBeTruthy();
    expect(screen.getByLabelText('Check-worthiness 48 out of 100')).toBeTruthy();
    expect(screen.getByText('Near misses (2)')).toBeTruthy();
  });

  it('makes a near miss a claim by its offsets', async () => {
    const fetch = serve(page(), { created: true, claim: { id: 'c9' } });
    show(true);
    const buttons = await screen.findAllByRole('button', { name: 'Make this a claim' });
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(writes(fetch)).toHaveLength(1));
    const [url, init] = writes(fetch)[0]!;
    expect(url).toBe('/api/documents/d1/sentences/claim');
    expect(JSON.parse(init!.body as string)).toEqual({ start: 40, end: 100 });
  });

  it('applies a new threshold (shown 0–100, sent 0–1) only once it differs', async () => {
    const fetch = serve(page(), { documentId: 'd1', threshold: 0.4, previous: 0.5, created: 1, removed: 0, kept: 0 });
    show(true);
    const input = await screen.findByLabelText('Threshold');
    const apply = screen.getByRole('button', { name: 'Apply' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: '40' } });
    fireEvent.click(apply);
    await waitFor(() => expect(writes(fetch)).toHaveLength(1));
    const [url, init] = writes(fetch)[0]!;
    expect([url, init!.method, JSON.parse(init!.body as string)]).toEqual([
      '/api/documents/d1/threshold',
      'PUT',
      { threshold: 0.4 },
    ]);
  });

  it('offers a reviewer neither the threshold control nor promotion', async () => {
    serve(page());
    show(false);
    await screen.findByText('Threshold 50: sentences scoring at or above it are claims.');
    expect(screen.queryByRole('button', { name: 'Make this a claim' })).toBeNull();
    expect(screen.queryByLabelText('Threshold')).toBeNull();
  });

  it('says so when the document was processed before sentences were kept', async () => {
    serve(page({ stored: false, threshold: null, detectedThreshold: null, total: 0, items: [], sentenceCount: 0 }));
    show(true);
    await screen.findByText('No sentence scores kept for this document');
    expect(screen.queryByLabelText('Threshold')).toBeNull();
  });
});
