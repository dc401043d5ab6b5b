import { DocumentsService } from '../src/documents/documents.service.js';
import { RatingsService } from '../src/ratings/ratings.service.js';
import { SourcesService } from '../src/sources/sources.service.js';
import { UsersService } from '../src/users/users.service.js';
import { startHarness, type Harness } from './harness.js';

/**
 * A change and its audit event commit together or not at all (issue 15). A lone UTF-16 surrogate is a
 * string PostgreSQL stores in a text column (as U+FFFD) but refuses inside the audit event's jsonb, so it
 * makes exactly the audit insert fail. The services are called directly: the HTTP layer refuses such
 * strings before any handler runs, and this is what holds if a string gets past it.
 */
const LONE = 'Broken \ud800 name';

let h: Harness;
let admin: Awaited<ReturnType<Harness['createUser']>>['user'];

beforeAll(async () => {
  // Source URLs resolve to this address in tests; no request is made.
  h = await startHarness({ OUTBOUND_ALLOW_ADDRESSES: '127.0.0.1' });
  admin = (await h.createUser('admin')).user;
});
afterAll(() => h.close());

const count = async (table: string): Promise<number> =>
  (await h.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('a change whose audit event cannot be written is rolled back', () => {
  const cases: [string, string, () => Promise<unknown>][] = [
    [
      'pasted document',
      'documents',
      () =>
        h.app
          .get(DocumentsService)
          .submit({ kind: 'text', text: `Unique text ${Math.random()}` }, { title: LONE }, admin, 'req-doc'),
    ],
    [
      'document by URL',
      'documents',
      () =>
        h.app
          .get(DocumentsService)
          .submit({ kind: 'url', url: `http://127.0.0.1/a-${Math.random()}` }, { title: LONE }, admin, 'req-url'),
    ],
    [
      'uploaded document',
      'documents',
      () =>
        h.app.get(DocumentsService).submit(
          {
            kind: 'file',
            bytes: Buffer.from(`Uploaded ${Math.random()}`),
            fileName: 'a.txt',
            contentType: 'text/plain',
          },
          { title: LONE },
          admin,
          'req-file',
        ),
    ],
    [
      'monitored source',
      'monitored_sources',
      () => h.app.get(SourcesService).create({ name: LONE, url: 'http://127.0.0.1/feed.xml' }, admin, 'req-src'),
    ],
    ['API token', 'api_tokens', () => h.app.get(UsersService).issueToken({ name: LONE }, admin.id, 'req-token')],
    [
      'rating',
      'ratings',
      () => h.app.get(RatingsService).create({ slug: 'broken', label: LONE } as never, admin.id, 'req-rating'),
    ],
    [
      'user',
      'users',
      () =>
        h.app
          .get(UsersService)
          .create(
            { email: 'broken@example.org', name: LONE, role: 'reviewer', password: 'long enough password' },
            admin.id,
            'req-user',
          ),
    ],
  ];

  it.each(cases)('%s: nothing stored, no event', async (_what, table, write) => {
    const rows = await count(table);
    const events = await count('audit_events');
    await expect(write()).rejects.toThrow();
    expect(await count(table)).toBe(rows);
    expect(await count('audit_events')).toBe(events);
  });

  it('an update keeps the row as it was', async () => {
    const users = h.app.get(UsersService);
    const user = await users.create(
      { email: 'kept@example.org', name: 'Kept', role: 'reviewer', password: 'long enough password' },
      admin.id,
      'req-kept',
    );
    await expect(users.update(user.id, { name: LONE }, admin.id, 'req-upd')).rejects.toThrow();
    expect((await h.db.query(`SELECT name FROM users WHERE id = $1`, [user.id]))[0].name).toBe('Kept');

    const sources = h.app.get(SourcesService);
    const source = await sources.create({ name: 'Kept feed', url: 'http://127.0.0.1/kept.xml' }, admin, 'req-s');
    await expect(sources.update(source.id, { name: LONE }, admin, 'req-s2')).rejects.toThrow();
    expect((await h.db.query(`SELECT name FROM monitored_sources WHERE id = $1`, [source.id]))[0].name).toBe(
      'Kept feed',
    );
  });

  it('the same writes with a well-formed string store the row and its event together', async () => {
    const { document } = await h.app
      .get(DocumentsService)
      .submit({ kind: 'text', text: `Fine text ${Math.random()}` }, { title: 'Fine' }, admin, 'req-fine');
    const [event] = await h.db.query(`SELECT action, after->>'title' AS title FROM audit_events WHERE entity_id = $1`, [
      document.id,
    ]);
    expect(event).toEqual({ action: 'document.create', title: 'Fine' });
  });
});
