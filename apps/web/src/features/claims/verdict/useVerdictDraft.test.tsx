import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { VerdictDraftDto, VerdictDto } from '@factdesk/domain';
import { verdict } from '../../../test/fixtures';
import { ApiRequestError } from '../../../api/client';
import { useVerdictDraft } from './useVerdictDraft';

/** The API: the stored draft (GET), each draft write echoed, and `answer` for the next verdict save. */
function server(opts: { draft?: VerdictDraftDto | null; save?: [number, unknown] } = {}) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(init.body as string) : undefined;
    calls.push({ method, url, body });
    const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status });
    if (url.endsWith('/verdict/draft')) {
      if (method === 'GET') return json(200, opts.draft ?? null);
      if (method === 'DELETE') return new Response(null, { status: 204 });
      return json(200, { claimId: 'c1', ...body, savedAt: '2026-01-01T10:15:00.000Z' });
    }
    const [status, answer] = opts.save ?? [500, {}];
    return json(status, answer);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

async function setup(initial: VerdictDto | null) {
  const client = new QueryClient({ defaultOptions: { mutations: { retry: false }, queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const hook = renderHook(({ v }) => useVerdictDraft('c1', v), { wrapper, initialProps: { v: initial } });
  await waitFor(() => expect(hook.result.current.checked).toBe(true));
  return hook;
}

/** The API's answer to the next save. */
const answer = (status: number, body: unknown) => server({ save: [status, body] });

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('useVerdictDraft', () => {
  it('starts from the saved verdict, clean', async () => {
    const { result } = await setup(verdict(2, { headline: 'Saved' }));
    expect(result.current.base.version).toBe(2);
    expect(result.current.draft.headline).toBe('Saved');
    expect(result.current.dirty).toBe(false);
  });

  it('follows a newer version while there are no edits', async () => {
    const { result, rerender } = await setup(verdict(2, { headline: 'Old' }));
    rerender({ v: verdict(3, { headline: 'New' }) });
    expect(result.current.base.version).toBe(3);
    expect(result.current.draft.headline).toBe('New');
  });

  it('keeps unsaved edits when a newer version arrives', async () => {
    const { result, rerender } = await setup(verdict(2, { headline: 'Old' }));
    act(() => result.current.set('headline', 'Mine'));
    expect(result.current.dirty).toBe(true);
    rerender({ v: verdict(3, { headline: 'New' }) });
    expect(result.current.base.version).toBe(2);
    expect(result.current.draft.headline).toBe('Mine');
  });

  it('saves from the version it started at and continues from the saved one', async () => {
    const calls = answer(200, verdict(3, { headline: 'Mine' }));
    const { result, rerender } = await setup(verdict(2));
    act(() => result.current.set('headline', 'Mine'));
    let saved: VerdictDto | null = null;
    await act(async () => {
      saved = await result.current.doSave();
    });
    expect(saved).toMatchObject({ version: 3 });
    expect(calls.find((c) => c.method === 'PUT' && c.url === '/api/claims/c1/verdict')!.body).toMatchObject({
      version: 2,
      headline: 'Mine',
    });
    expect(result.current.base.version).toBe(3);
    expect(result.current.dirty).toBe(false);
    expect(result.current.draft.headline).toBe('Mine');
    // The refetched verdict arrives: it is the version just saved, so nothing changes.
    rerender({ v: verdict(3, { headline: 'Mine' }) });
    expect(result.current.base.version).toBe(3);
    expect(result.current.draft.headline).toBe('Mine');
  });

  it('keeps the newer version of a refused save (409) and reapplies my edits onto it', async () => {
    const theirs = verdict(3, { headline: 'Theirs', conclusion: 'Their conclusion' });
    answer(409, { statusCode: 409, error: 'Conflict', message: 'Saved meanwhile.', current: theirs });
    const { result } = await setup(verdict(2, { headline: 'Old', conclusion: 'Old conclusion' }));
    act(() => result.current.set('headline', 'Mine'));
    let saved: VerdictDto | null = verdict(0);
    await act(async () => {
      saved = await result.current.doSave();
    });
    expect(saved).toBeNull();
    await waitFor(() => expect(result.current.conflict?.version).toBe(3));
    act(() => result.current.resolve('reapply'));
    expect(result.current.conflict).toBeNull();
    expect(result.current.base.version).toBe(3);
    expect(result.current.draft).toMatchObject({ headline: 'Mine', conclusion: 'Their conclusion' });
  });

  it('can drop my edits for the newer version instead', async () => {
    const theirs = verdict(3, { headline: 'Theirs' });
    answer(409, { statusCode: 409, error: 'Conflict', message: 'Saved meanwhile.', current: theirs });
    const { result } = await setup(verdict(2, { headline: 'Old' }));
    act(() => result.current.set('headline', 'Mine'));
    await act(async () => void (await result.current.doSave()));
    act(() => result.current.resolve('theirs'));
    expect(result.current.draft.headline).toBe('Theirs');
    expect(result.current.dirty).toBe(false);
  });

  it('reports other refusals without a conflict', async () => {
    answer(400, { statusCode: 400, error: 'Bad Request', message: 'Headline too long.' });
    const { result } = await setup(verdict(2));
    act(() => result.current.set('headline', 'x'));
    await act(async () => void (await result.current.doSave()));
    expect(result.current.conflict).toBeNull();
    await waitFor(() => expect(result.current.save.error?.message).toBe('Headline too long.'));
  });

  it('keeps the edits as a draft once typing pauses, naming the version they started from', async () => {
    const calls = server();
    const { result } = await setup(verdict(2, { headline: 'Saved' }));
    expect(result.current.unkept).toBe(false);
    act(() => result.current.set('headline', 'Typ'));
    act(() => result.current.set('headline', 'Typed'));
    expect(result.current.unkept).toBe(true);
    await waitFor(() => expect(result.current.unkept).toBe(false));
    const puts = calls.filter((c) => c.method === 'PUT' && c.url.endsWith('/verdict/draft'));
    // One write for the burst of typing, with the base to merge against later.
    expect(puts).toHaveLength(1);
    expect(puts[0].body).toMatchObject({ baseVersion: 2, base: { headline: 'Saved' }, content: { headline: 'Typed' } });
    expect(result.current.keptAt).toBe('2026-01-01T10:15:00.000Z');
  });

  const kept = (baseVersion: number, base: Partial<VerdictDto>, content: Partial<VerdictDto>): VerdictDraftDto => {
    const empty = { ratingId: null, headline: '', conclusion: '', analysis: '', sources: [] };
    return {
      claimId: 'c1',
      baseVersion,
      base: { ...empty, ...base },
      content: { ...empty, ...content },
      savedAt: '2026-01-01T09:30:00.000Z',
    } as VerdictDraftDto;
  };

  it('restores a kept draft on return, and says when it was kept', async () => {
    server({ draft: kept(2, { headline: 'Saved' }, { headline: 'Where I was' }) });
    const { result } = await setup(verdict(2, { headline: 'Saved' }));
    expect(result.current.draft.headline).toBe('Where I was');
    expect(result.current.restored).toBe('2026-01-01T09:30:00.000Z');
    expect(result.current.dirty).toBe(true);
    expect(result.current.unkept).toBe(false);
    expect(result.current.conflict).toBeNull();
  });

  it('restores a draft begun on an older version as a conflict with the current one', async () => {
    server({ draft: kept(2, { headline: 'Old', conclusion: 'Old' }, { headline: 'Mine', conclusion: 'Old' }) });
    const { result } = await setup(verdict(3, { headline: 'Old', conclusion: 'Theirs' }));
    expect(result.current.conflict?.version).toBe(3);
    expect(result.current.base.version).toBe(2);
    act(() => result.current.resolve('reapply'));
    expect(result.current.draft).toMatchObject({ headline: 'Mine', conclusion: 'Theirs' });
    expect(result.current.base.version).toBe(3);
  });

  it('discards the kept draft: back to the saved verdict, and the server forgets it', async () => {
    const calls = server({ draft: kept(2, { headline: 'Saved' }, { headline: 'Where I was' }) });
    const { result } = await setup(verdict(2, { headline: 'Saved' }));
    await act(async () => result.current.discard());
    expect(result.current.draft.headline).toBe('Saved');
    expect(result.current.restored).toBeNull();
    expect(calls.some((c) => c.method === 'DELETE')).toBe(true);
  });

  it('a submission refused as stale keeps the newer version to show what changed', async () => {
    const theirs = verdict(4, { headline: 'Changed' });
    server();
    const { result, rerender } = await setup(verdict(3, { headline: 'Seen' }));
    const refusal = new ApiRequestError({ statusCode: 409, error: 'Conflict', message: 'Version 4…', current: theirs });
    let shown = false;
    act(() => {
      shown = result.current.staleSubmit(refusal, result.current.base);
    });
    expect(shown).toBe(true);
    expect(result.current).toMatchObject({ conflictOn: 'submit', conflict: { version: 4 } });
    // The refetch that follows the refusal brings version 4: what changed stays on screen until looked at.
    rerender({ v: theirs });
    expect(result.current).toMatchObject({ conflict: { version: 4 }, base: { version: 3 } });
    act(() => result.current.resolve('theirs'));
    expect(result.current).toMatchObject({ conflict: null, base: { version: 4 }, draft: { headline: 'Changed' } });
  });

  it('a refetch of the newer version landing before the refusal still leaves what changed to be shown', async () => {
    const theirs = verdict(4, { headline: 'Changed' });
    server();
    const { result, rerender } = await setup(verdict(3, { headline: 'Seen' }));
    const submitted = result.current.base;
    // A refetch (a focus, another invalidation) brings version 4 first: the editor, with no edits, follows it.
    rerender({ v: theirs });
    expect(result.current.base.version).toBe(4);
    const refusal = new ApiRequestError({ statusCode: 409, error: 'Conflict', message: 'Version 4…', current: theirs });
    act(() => void result.current.staleSubmit(refusal, submitted));
    expect(result.current).toMatchObject({
      conflictOn: 'submit',
      conflict: { version: 4 },
      base: { version: 3, content: { headline: 'Seen' } },
      draft: { headline: 'Seen' },
    });
  });
});
