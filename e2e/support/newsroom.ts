import type { RatingDto, UserDto } from '@factdesk/domain';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startStack, type Stack } from './stack.js';
import { apiCall, signIn } from './web.js';

export type SignedIn = Awaited<ReturnType<typeof signIn>>;

/** What a reviewer saves as a verdict in these suites (the rating by its slug). */
export interface VerdictBody {
  rating: string;
  headline: string;
  conclusion: string;
  analysis?: string;
  sources: { url: string; title: string; kind: 'primary' | 'secondary' }[];
}

/** The claim workflow's browser suites share one shape: a running system, the demo editor and reviewer signed in. */
export interface Newsroom {
  stack: Stack;
  browser: Browser;
  editor: SignedIn;
  reviewer: SignedIn;
  /** Signed in only when asked for (`admin: true`). */
  admin: SignedIn;
  /** The demo reviewer, whom claims are assigned to. */
  rita: UserDto;
  ratings: RatingDto[];
  /** A rating's id by slug (the first rating when none is named). */
  rating(slug?: string): string;
  /** The API as the signed-in page's user (its cookies; writes carry the app's origin like the app's fetches). */
  call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T>;
  /** A claim the editor entered (accepted) and assigned to Rita Reviewer. */
  assignedClaim(text: string): Promise<string>;
  /** A claim through review to approved with `verdict` as its version 1. */
  approvedClaim(text: string, verdict: VerdictBody): Promise<string>;
}

/**
 * Registers the suite's beforeAll/afterAll and returns the newsroom they fill in: use it inside tests and hooks.
 * A suite with more to clean up declares its own afterAll before calling this (Jest runs them in that order).
 */
export function newsroom(options: { worker?: boolean; admin?: boolean } = {}): Newsroom {
  const desk = {} as Newsroom;
  const call = <T>(page: Page, method: string, path: string, body?: unknown) =>
    apiCall<T>(page, desk.stack.baseUrl, method, path, body);
  Object.assign(desk, {
    call,
    rating: (slug?: string) => (slug ? desk.ratings.find((r) => r.slug === slug) : desk.ratings[0])!.id,
    async assignedClaim(text: string) {
      const { id } = await call<{ id: string }>(desk.editor.page, 'POST', '/claims', { text });
      await call(desk.editor.page, 'PUT', `/claims/${id}/assignment`, { assigneeId: desk.rita.id });
      return id;
    },
    async approvedClaim(text: string, { rating, ...verdict }: VerdictBody) {
      const id = await desk.assignedClaim(text);
      await call(desk.reviewer.page, 'POST', `/claims/${id}/start`);
      await call(desk.reviewer.page, 'PUT', `/claims/${id}/verdict`, {
        version: 0,
        ratingId: desk.rating(rating),
        ...verdict,
      });
      await call(desk.reviewer.page, 'POST', `/claims/${id}/submit`, { version: 1 });
      await call(desk.editor.page, 'POST', `/claims/${id}/approve`, { version: 1 });
      return id;
    },
  });

  beforeAll(async () => {
    desk.stack = await startStack({ worker: options.worker });
    desk.browser = await launchBrowser();
    desk.editor = await signIn(desk.browser, desk.stack.baseUrl, 'editor');
    desk.reviewer = await signIn(desk.browser, desk.stack.baseUrl, 'reviewer');
    if (options.admin) desk.admin = await signIn(desk.browser, desk.stack.baseUrl, 'admin');
    desk.rita = (await call<{ user: UserDto }>(desk.reviewer.page, 'GET', '/me')).user;
    desk.ratings = await call<RatingDto[]>(desk.editor.page, 'GET', '/ratings');
  }, 120_000);
  afterAll(async () => {
    for (const who of [desk.editor, desk.reviewer, desk.admin]) await who?.context.close();
    await desk.browser?.close();
    await desk.stack?.stop();
  });
  return desk;
}
