import { loadConfig } from '@factdesk/config';
import {
  extractDocument,
  readSourceItems,
  ExtractionLimitError,
  UnreadableDocumentError,
  type DocumentHints,
  type ExtractionLimits,
} from '../src/index.js';
import { deepHtml, docx, docxBomb, pdfPages, pdfPageTreeBomb } from '@factdesk/testing';

/*
 * Hostile documents (issue 15): each fails at once with the limit it crossed, in words a person reads, and the
 * sandbox goes on extracting the next document. The files are built here, not stored.
 */
const defaults = loadConfig({ NODE_ENV: 'test' }).extraction;
const extract = (bytes: Buffer, hints: DocumentHints, limits: Partial<ExtractionLimits> = {}) =>
  extractDocument(bytes, hints, { ...defaults, ...limits });

async function refusal(promise: Promise<unknown>): Promise<ExtractionLimitError> {
  const err = await promise.then(
    () => new Error('extracted, but should have been refused'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ExtractionLimitError);
  return err as ExtractionLimitError;
}

/** The longest the test's own event loop waited while `work` ran: how much the sandbox held it up. */
async function longestStall<T>(work: () => Promise<T>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 20);
  try {
    await work().catch(() => undefined);
  } finally {
    clearInterval(tick);
  }
  return longest;
}

const paragraph = 'The minister said exports grew by 40 percent in 2021.';
const word = (text: string) => docx(`<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`);

describe('extraction limits: unpacked size', () => {
  it('refuses a .docx zip bomb (ten million empty paragraphs, 60 MB of XML in ~90 KB) by its unpacked size', async () => {
    const bomb = docxBomb(10_000_000);
    expect(bomb.length).toBeLessThan(120_000);
    const err = await refusal(extract(bomb, { fileName: 'bomb.docx' }));
    expect(err).toMatchObject({ limit: 'maxUnpackedBytes', message: 'The file unpacks to more than 50 MB.' });
  }, 60_000);

  it('counts every entry as it inflates, and reads what fits', async () => {
    // A paragraph and 2 MB of "image": refused at 1 MB, read at 3 MB.
    const image = { 'word/media/image1.png': Buffer.alloc(2 * 1024 * 1024) };
    const padded = docx(`<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`, image);
    const err = await refusal(extract(padded, { fileName: 'a.docx' }, { maxUnpackedBytes: 1024 * 1024 }));
    expect(err.message).toBe('The file unpacks to more than 1 MB.');
    const doc = await extract(padded, { fileName: 'a.docx' }, { maxUnpackedBytes: 3 * 1024 * 1024 });
    expect(doc.text).toBe(paragraph);
  }, 60_000);

  it('refuses an archive whose headers understate what an entry unpacks to', async () => {
    const image = { 'word/media/image1.png': Buffer.alloc(2 * 1024 * 1024) };
    const lying = docx(`<w:p><w:r><w:t>${paragraph}</w:t></w:r></w:p>`, image, 100);
    await expect(extract(lying, { fileName: 'a.docx' }, { maxUnpackedBytes: 3 * 1024 * 1024 })).rejects.toThrow(
      'The .docx file is damaged (an entry does not unpack).',
    );
  }, 60_000);
});

describe('extraction limits: PDF pages', () => {
  it('refuses a page-tree bomb (2^20 pages declared in ~2 KB) before reading a page', async () => {
    const bomb = pdfPageTreeBomb(20);
    expect(bomb.length).toBeLessThan(3000);
    const started = performance.now();
    const err = await refusal(extract(bomb, { fileName: 'bomb.pdf' }));
    expect(err).toMatchObject({ limit: 'maxPdfPages', message: 'The PDF has more than 2,000 pages.' });
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 60_000);

  it('reads a PDF up to the page limit, and refuses one page more', async () => {
    const doc = await extract(pdfPages(3), { fileName: 'a.pdf' }, { maxPdfPages: 3 });
    expect(doc.text.split('\n\n')).toEqual([
      'This is page 1 of the report.',
      'This is page 2 of the report.',
      'This is page 3 of the report.',
    ]);
    const err = await refusal(extract(pdfPages(3), { fileName: 'a.pdf' }, { maxPdfPages: 2 }));
    expect(err.message).toBe('The PDF has more than 2 pages.');
  }, 60_000);
});

describe('extraction limits: characters', () => {
  it.each([
    ['a text file', Buffer.from(`${paragraph} `.repeat(40)), 'a.txt'],
    ['a PDF (counted page by page)', pdfPageTreeBomb(7), 'a.pdf'],
    ['a Word document', word(`${paragraph} `.repeat(40)), 'a.docx'],
    [
      'a web page',
      Buffer.from(`<html><body><article><p>${`${paragraph} `.repeat(40)}</p></article></body></html>`),
      'a.html',
    ],
  ])(
    'refuses %s with more text than the limit',
    async (_kind, bytes, fileName) => {
      const err = await refusal(extract(bytes, { fileName }, { maxCharacters: 1000 }));
      expect(err).toMatchObject({
        limit: 'maxCharacters',
        message: 'The document has more than 1,000 characters of text.',
      });
    },
    60_000,
  );
});

describe('extraction limits: HTML shape', () => {
  it.each([2000, 200_000])(
    'refuses a page nested %i levels deep before building its DOM',
    async (depth) => {
      const err = await refusal(extract(deepHtml(depth), { fileName: 'deep.html' }));
      expect(err).toMatchObject({ limit: 'maxHtmlDepth', message: 'The page nests deeper than 500 levels.' });
    },
    60_000,
  );

  it('counts nesting as the parser builds it: unclosed paragraphs and list items close each other', async () => {
    const flat = `<html><body>${'<p>One more paragraph of the speech'.repeat(600)}<ul>${'<li>item'.repeat(600)}</ul><p>${paragraph}</body></html>`;
    const doc = await extract(Buffer.from(flat), { fileName: 'flat.html' });
    expect(doc.text).toContain(paragraph);
  }, 60_000);

  it('refuses a page with more elements than the limit', async () => {
    const html = `<html><body>${'<span>x</span>'.repeat(1001)}</body></html>`;
    const err = await refusal(extract(Buffer.from(html), { fileName: 'many.html' }, { maxHtmlElements: 1000 }));
    expect(err).toMatchObject({ limit: 'maxHtmlElements', message: 'The page has more than 1,000 elements.' });
  }, 60_000);
});

describe('extraction limits: time and memory', () => {
  it('stops a document that takes longer than the deadline, without holding up this thread', async () => {
    // 2,000 levels under a raised nesting limit: Readability would take about a minute on it.
    let err: unknown;
    const stall = await longestStall(async () => {
      err = await extract(deepHtml(2000), { fileName: 'slow.html' }, { maxHtmlDepth: 5000, timeoutMs: 3000 }).catch(
        (e: unknown) => e,
      );
    });
    expect(err).toBeInstanceOf(ExtractionLimitError);
    expect(err).toMatchObject({ limit: 'timeoutMs', message: 'Extraction took longer than 3 s.' });
    expect(stall).toBeLessThan(1000);
  }, 60_000);

  it('stops a document that needs more memory than the sandbox has, as a failure of that document', async () => {
    // The zip bomb with the unpacked-size limit lifted: parsing 60 MB of XML does not fit in 64 MB of heap.
    const err = await refusal(
      extract(
        docxBomb(10_000_000),
        { fileName: 'bomb.docx' },
        { maxUnpackedBytes: 200 * 1024 * 1024, maxMemoryMb: 64 },
      ),
    );
    expect(err).toMatchObject({ limit: 'maxMemoryMb', message: 'Extraction needed more than 64 MB of memory.' });
  }, 120_000);

  it('extracts the next document after each kind of refusal', async () => {
    for (const hostile of [
      extract(deepHtml(2000), { fileName: 'slow.html' }, { maxHtmlDepth: 5000, timeoutMs: 1000 }),
      extract(pdfPageTreeBomb(20), { fileName: 'bomb.pdf' }),
      extract(Buffer.from('%PDF-1.4 garbage'), { fileName: 'a.pdf' }),
    ])
      await expect(hostile).rejects.toBeInstanceOf(UnreadableDocumentError);
    const docs = await Promise.all([
      extract(word(paragraph), { fileName: 'a.docx' }),
      extract(Buffer.from(paragraph), { fileName: 'a.txt' }),
    ]);
    expect(docs.map((d) => d.text)).toEqual([paragraph, paragraph]);
  }, 120_000);
});

describe('extraction limits: monitored sources', () => {
  const listing = (links: string) => `<html><body><main>${links}</main></body></html>`;

  it('reads a listing page and a feed in the sandbox', async () => {
    const page = listing('<a href="/transcripts/2026/talks">Talks</a><a href="/about">About</a>');
    expect(await readSourceItems('listing', page, 'https://ministry.example/transcripts', defaults)).toEqual([
      {
        key: 'https://ministry.example/transcripts/2026/talks',
        url: 'https://ministry.example/transcripts/2026/talks',
        title: 'Talks',
        publishedAt: null,
      },
    ]);
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      items: [{ id: '1', url: 'https://ministry.example/a/1' }],
    });
    expect(await readSourceItems('feed', feed, 'https://ministry.example/feed.json', defaults)).toMatchObject([
      { key: 'id:1', url: 'https://ministry.example/a/1' },
    ]);
  }, 60_000);

  it('refuses a listing page nested past the limit, and one that outlasts the deadline', async () => {
    const deep = `<html><body>${'<div>'.repeat(200_000)}<a href="/a/b">x</a></body></html>`;
    const err = await refusal(readSourceItems('listing', deep, 'https://ministry.example/', defaults));
    expect(err.message).toBe('The page nests deeper than 500 levels.');
    // A few hundred thousand links, each looked up to the top of a deep page: more than a second's work.
    const slow = `<html><body>${'<div>'.repeat(4000)}${'<a href="/a/b/c">x</a>'.repeat(300_000)}</body></html>`;
    const late = await refusal(
      readSourceItems('listing', slow, 'https://ministry.example/', {
        ...defaults,
        maxHtmlDepth: 5000,
        maxHtmlElements: 1_000_000,
        timeoutMs: 1000,
      }),
    );
    expect(late.message).toBe('Extraction took longer than 1 s.');
  }, 60_000);

  it('says why a feed cannot be read', async () => {
    await expect(
      readSourceItems('feed', '{"items": 3', 'https://ministry.example/feed.json', defaults),
    ).rejects.toThrow('The feed is not valid JSON.');
  }, 60_000);
});
