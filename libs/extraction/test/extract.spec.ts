import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '@factdesk/config';
import {
  decodeUtf8,
  detectFormat,
  extractDocument,
  UnreadableDocumentError,
  type DocumentHints,
} from '../src/index.js';

const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name));
const sample = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../fixtures', name));

/** The configured limits' defaults. */
const limits = loadConfig({ NODE_ENV: 'test' }).extraction;
const extract = (bytes: Buffer, hints: DocumentHints = {}) => extractDocument(bytes, hints, limits);

describe('extraction', () => {
  it('keeps plain text as it is, only normalising line breaks', async () => {
    const doc = await extract(Buffer.from('Line one.\r\nLine two.   \r\n\r\n\r\n\r\nThree.\n'), {
      fileName: 'a.txt',
    });
    expect(doc).toEqual({ format: 'text', text: 'Line one.\nLine two.\n\nThree.' });
  });

  it('reads the sample transcripts as UTF-8 text', async () => {
    const doc = await extract(sample('lavrov-minsk-2022-06-30.txt'), { fileName: 'lavrov.txt' });
    expect(doc.text).toMatch(/^Foreign Minister Sergey Lavrov’s comment/);
  });

  it('takes the readable article out of a web page, without scripts, navigation or styles', async () => {
    const doc = await extract(fixture('remarks.html'), { contentType: 'text/html; charset=utf-8' });
    expect(doc.format).toBe('html');
    expect(doc.text.split('\n\n')[0]).toBe(
      'Foreign Minister Sergey Lavrov said NATO carried out five expansion waves while proclaiming that it is a defensive alliance.',
    );
    expect(doc.text).toContain('40 percent of the 28 Union State programmes');
    expect(doc.text).not.toMatch(/alert|tracking|injected|color:red|Contact|Copyright/);
    expect(doc).toMatchObject({ outlet: 'Example Ministry', publishedAt: '2022-06-30T10:00:00.000Z', language: 'en' });
    expect(doc.title).toContain('Lavrov: remarks after talks');
  });

  it('reads the text layer of a PDF, and its title', async () => {
    const doc = await extract(fixture('remarks.pdf'), { fileName: 'remarks.pdf' });
    expect(doc.format).toBe('pdf');
    expect(doc.text).toContain('Sergey Lavrov said NATO carried out five expansion waves.');
    expect(doc.text).toContain('28 Union State programmes');
    expect(doc.title).toBe('Lavrov remarks');
  });

  it("leaves this thread's Array.prototype.push and JSON.parse native after PDFs (pdfjs-dist's polyfills slowed claim detection)", async () => {
    // Another realm's Function.prototype.toString tells a built-in ("[native code]") from a JavaScript stand-in.
    const sourceOf = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
    const native = (f: unknown) => /\{\s*\[native code\]\s*\}$/.test(sourceOf.call(f));
    await Promise.all([1, 2].map(() => extract(fixture('remarks.pdf'), { fileName: 'remarks.pdf' })));
    await expect(extract(Buffer.from('%PDF-1.4 not really'), { fileName: 'broken.pdf' })).rejects.toBeInstanceOf(
      UnreadableDocumentError,
    );
    expect(native(Array.prototype.push)).toBe(true);
    expect(native(JSON.parse)).toBe(true);
  });

  it('reads a Word document paragraph by paragraph', async () => {
    const doc = await extract(fixture('interview.docx'), { fileName: 'interview.docx' });
    expect(doc.text).toBe(
      'Interview transcript\n\nQ: How does Moscow react?\n\nSergey Lavrov: Only a portion of the sanctions on Belarus has been lifted.',
    );
  });

  it('trusts the bytes over the name', () => {
    expect(detectFormat(fixture('remarks.pdf'), { fileName: 'notes.txt' })).toBe('pdf');
    expect(detectFormat(Buffer.from('plain'), { fileName: 'fake.pdf' })).toBeNull();
    expect(detectFormat(fixture('interview.docx'), { fileName: 'archive.zip' })).toBeNull();
    expect(detectFormat(Buffer.from('<!DOCTYPE html><p>x</p>'))).toBe('html');
    expect(detectFormat(Buffer.from('hello'), { fileName: 'run.exe' })).toBeNull();
  });

  it.each([
    ['binary data', Buffer.from([0x48, 0x00, 0x49]), /binary data/],
    ['invalid UTF-8', Buffer.from([0x48, 0xc3, 0x28, 0x49]), /not valid UTF-8/],
  ])('refuses %s with a reason', (_, bytes, message) => {
    expect(() => decodeUtf8(bytes)).toThrow(message);
  });

  it('refuses unsupported, empty and broken files with a reason a person can act on', async () => {
    await expect(extract(Buffer.from('x'), { fileName: 'a.exe' })).rejects.toThrow(/Unsupported file type/);
    await expect(extract(Buffer.from('   \n'), { fileName: 'a.txt' })).rejects.toThrow(/empty/);
    await expect(extract(Buffer.from('%PDF-1.4 garbage'), { fileName: 'a.pdf' })).rejects.toBeInstanceOf(
      UnreadableDocumentError,
    );
    await expect(extract(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), { fileName: 'a.docx' })).rejects.toThrow(
      /could not be read/,
    );
  });
});
