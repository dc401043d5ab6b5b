import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import {
  createDataSource,
  documentContentHash,
  DocumentEntity,
  DocumentsRepository,
  MonitoredSourceEntity,
  SourcesRepository,
  type DocumentContent,
} from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let documents: DocumentsRepository;
let sources: SourcesRepository;
let user: { id: string; name: string };

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'documents-repository-spec' });
  await db.initialize();
  documents = new DocumentsRepository(db);
  sources = new SourcesRepository(db);
  const [row] = await db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ('d@example.org', 'Dana', 'editor', 'x') RETURNING id, name`,
  );
  user = row;
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const events = (id: string): Promise<{ action: string; actor_id: string | null; after: Record<string, unknown> }[]> =>
  db.query(`SELECT action, actor_id, after FROM audit_events WHERE entity_id = $1 ORDER BY id`, [id]);

describe('the content hash: one formula for every way a document arrives', () => {
  const bytes = Buffer.from('%PDF-1.7 …');
  it.each<[string, DocumentContent, string]>([
    ['pasted text', { format: 'text', text: 'Exports grew.' }, sha256('Exports grew.')],
    ['an uploaded Markdown file', { format: 'markdown', text: '# Exports grew.' }, sha256('# Exports grew.')],
    [
      'a URL, before it is fetched',
      { format: 'url', url: 'https://example.org/a' },
      sha256('url:https://example.org/a'),
    ],
    ['an uploaded PDF', { format: 'pdf', bytes, fileName: 'a.pdf', contentType: 'application/pdf' }, sha256(bytes)],
  ])('%s', (_what, content, hash) => {
    expect(documentContentHash(content)).toBe(hash);
  });

  it('a URL never hashes like the same string pasted as text', () => {
    const url = 'https://example.org/same';
    expect(documentContentHash({ format: 'url', url })).not.toBe(documentContentHash({ format: 'text', text: url }));
  });
});

describe('createDocument', () => {
  it.each<[string, DocumentContent, Partial<DocumentEntity>]>([
    [
      'text',
      { format: 'text', text: 'Unemployment fell to 3 percent.' },
      { originalText: 'Unemployment fell to 3 percent.' },
    ],
    [
      'url',
      { format: 'url', url: 'https://example.org/b' },
      { originalText: null, sourceUrl: 'https://example.org/b' },
    ],
    [
      'docx',
      { format: 'docx', bytes: Buffer.from('PK…'), fileName: 'b.docx', contentType: 'application/octet-stream' },
      { originalText: null, rawFileName: 'b.docx', rawContentType: 'application/octet-stream' },
    ],
  ])(
    '%s: stores the row queued, with its audit event; the same content again is the same document',
    async (_f, content, columns) => {
      const first = await documents.createDocument({
        content,
        title: 'T',
        submittedBy: user,
        actorId: user.id,
        requestId: 'r1',
      });
      if (!first.created) throw new Error('expected a new document');
      expect(first.document).toMatchObject({
        status: 'queued',
        format: content.format,
        title: 'T',
        submittedBy: user,
        claimCount: 0,
      });
      expect(first.job).toEqual({
        id: first.document.id,
        format: content.format,
        contentHash: documentContentHash(content),
        attempts: 0,
      });
      expect(await db.getRepository(DocumentEntity).findOneByOrFail({ id: first.document.id })).toMatchObject(columns);
      expect(await events(first.document.id)).toEqual([
        {
          action: 'document.create',
          actor_id: user.id,
          after: expect.objectContaining({ format: content.format, title: 'T' }),
        },
      ]);

      const again = await documents.createDocument({ content, title: 'Other', actorId: user.id });
      expect(again).toEqual({ created: false, id: first.document.id });
      expect(await events(first.document.id)).toHaveLength(1);
    },
  );

  it('a document whose audit event cannot be written is not stored', async () => {
    const content: DocumentContent = { format: 'text', text: 'Never stored.' };
    await expect(documents.createDocument({ content, title: 'bad \ud800', actorId: user.id })).rejects.toThrow();
    expect(await db.getRepository(DocumentEntity).countBy({ contentHash: documentContentHash(content) })).toBe(0);
  });
});

describe("a monitored source's items", () => {
  let source: MonitoredSourceEntity;
  beforeAll(async () => {
    source = await db
      .getRepository(MonitoredSourceEntity)
      .save({ name: 'Feed', url: 'https://example.org/feed', kind: 'feed', defaultOutlet: 'Ministry', enabled: false });
    // An article someone submitted by hand before the feed listed it.
    await documents.createDocument({
      content: { format: 'url', url: 'https://example.org/by-hand' },
      actorId: user.id,
    });
  });

  it.each([
    // item key, item URL, what ingestItem answers
    ['k-1', 'https://example.org/items/1', 'a new document'],
    ['k-1', 'https://example.org/items/1-moved', 'nothing: the item was seen before'],
    ['k-2', 'https://example.org/by-hand', 'nothing: the article came in another way already'],
  ])('%s at %s: %s', async (key, url, answer) => {
    const result = await sources.ingestItem(source, { key, url, title: 'Item', publishedAt: null });
    if (answer !== 'a new document') return expect(result).toBeNull();
    if (!result) throw new Error('expected a document');
    expect(result.document).toMatchObject({ format: 'url', sourceUrl: url, outlet: 'Ministry', submittedBy: null });
    const [event] = await events(result.document.id);
    expect(event).toMatchObject({ action: 'document.create', actor_id: null, after: { monitoredSourceId: source.id } });
    const [item] = await db.query(`SELECT document_id FROM source_items WHERE source_id = $1 AND item_key = $2`, [
      source.id,
      key,
    ]);
    expect(item.document_id).toBe(result.document.id);
  });
});
