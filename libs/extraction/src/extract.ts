import { extname } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import type { PDFParse } from 'pdf-parse';
import { checkCharacters, checkHtmlShape, checkUnpackedSize } from './guards.js';
import { overLimit, UnreadableDocumentError, type ExtractionLimits } from './limits.js';

export type ExtractedFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

export interface ExtractedDocument {
  format: ExtractedFormat;
  /** The readable text; claims' offsets point into exactly this string. */
  text: string;
  title?: string;
  outlet?: string;
  byline?: string;
  /** ISO date-time, when the document says when it was published. */
  publishedAt?: string;
  language?: string;
}

/** The formats accepted, by extension and by media type. */
export const ACCEPTED_EXTENSIONS: Record<string, ExtractedFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx',
};
const MEDIA_TYPES: Record<string, ExtractedFormat> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

const isPdf = (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-';
const isZip = (b: Buffer) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * What a file is, from its name, its declared media type and its first bytes; null when it is none of the
 * accepted formats. The bytes win over the name: a PDF called notes.txt is a PDF.
 */
export function detectFormat(
  bytes: Buffer,
  hints: { fileName?: string; contentType?: string } = {},
): ExtractedFormat | null {
  if (isPdf(bytes)) return 'pdf';
  const byName = hints.fileName ? ACCEPTED_EXTENSIONS[extname(hints.fileName).toLowerCase()] : undefined;
  const byType = hints.contentType ? MEDIA_TYPES[hints.contentType.split(';')[0].trim().toLowerCase()] : undefined;
  const declared = byName ?? byType;
  if (isZip(bytes)) return declared === 'docx' ? 'docx' : null;
  if (declared === 'pdf' || declared === 'docx') return null; // claims to be binary but is not
  if (declared) return declared;
  return /^\s*(<!doctype html|<html)/i.test(bytes.subarray(0, 512).toString('latin1')) ? 'html' : null;
}

/** Decodes text that must be UTF-8; refuses binary content and invalid byte sequences. */
export function decodeUtf8(bytes: Buffer): string {
  if (bytes.includes(0)) throw new UnreadableDocumentError('The file contains binary data, not text.');
  try {
    return normaliseText(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    throw new UnreadableDocumentError('The file is not valid UTF-8 text; save it as UTF-8 and try again.');
  }
}

/** One line-break convention, no trailing spaces: the same document pasted twice hashes the same. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const BLOCKS = 'h1,h2,h3,h4,h5,h6,p,li,blockquote,pre,td,th,figcaption,dt,dd';

/** Paragraph text of an HTML fragment: one block per line pair, so sentences never run together. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const parts = (blocks.length ? blocks : [document.body])
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return parts.join('\n\n');
}

function meta(document: Document, ...names: string[]): string | undefined {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return undefined;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The readable article of a web page: Readability drops navigation, scripts and styles. */
function extractHtml(html: string, limits: ExtractionLimits): ExtractedDocument {
  checkHtmlShape(html, limits);
  const { document } = parseHTML(html);
  const language = document.documentElement?.getAttribute('lang')?.trim() || undefined;
  const publishedAt = isoDate(
    meta(document as unknown as Document, 'article:published_time', 'datePublished', 'date', 'DC.date.issued'),
  );
  const outlet = meta(document as unknown as Document, 'og:site_name', 'application-name');
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const text = normaliseText(article?.content ? blockText(article.content) : blockText(document.body?.innerHTML ?? ''));
  if (!text) throw new UnreadableDocumentError('The page has no readable text.');
  return {
    format: 'html',
    text: checkCharacters(text, limits),
    title: article?.title?.trim() || document.querySelector('title')?.textContent?.trim() || undefined,
    outlet: article?.siteName?.trim() || outlet,
    byline: article?.byline?.trim() || undefined,
    publishedAt: isoDate(article?.publishedTime ?? undefined) ?? publishedAt,
    language: article?.lang?.trim() || language,
  };
}

/**
 * pdf-parse (pdfjs-dist) is loaded with the first PDF, inside the sandbox's thread: its builds install core-js
 * polyfills that swap Array.prototype.push and JSON.parse for slower JavaScript versions in the realm that loads
 * them (claim detection ran 35% slower in a process that had), and that realm is the sandbox's, not the worker's.
 */
async function extractPdf(bytes: Buffer, limits: ExtractionLimits): Promise<ExtractedDocument> {
  const { PDFParse } = await import('pdf-parse');
  const parser: PDFParse = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    // Loading reads the page tree's declared count (and finds its last page): the count is checked before
    // any page is read, so a tree that reuses one subtree at every level costs nothing.
    const info = await parser.getInfo();
    if (info.total > limits.maxPdfPages) throw overLimit.maxPdfPages(limits);
    const pages: string[] = [];
    let characters = 0;
    for (let page = 1; page <= info.total; page++) {
      const { text } = await parser.getText({ partial: [page], pageJoiner: '' });
      characters += text.length;
      if (characters > limits.maxCharacters) throw overLimit.maxCharacters(limits);
      pages.push(text);
    }
    const text = normaliseText(pages.join('\n\n'));
    if (!text) throw new UnreadableDocumentError('The PDF has no text layer (is it a scan?).');
    const title = (info.info as { Title?: string } | undefined)?.Title?.trim();
    return { format: 'pdf', text, title: title || undefined };
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw err;
    throw new UnreadableDocumentError(`The PDF could not be read: ${(err as Error).message}`);
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function extractDocx(bytes: Buffer, limits: ExtractionLimits): Promise<ExtractedDocument> {
  await checkUnpackedSize(bytes, limits);
  try {
    const { value } = await mammoth.extractRawText({ buffer: bytes });
    const text = normaliseText(value);
    if (!text) throw new UnreadableDocumentError('The document has no text.');
    return { format: 'docx', text: checkCharacters(text, limits) };
  } catch (err) {
    if (err instanceof UnreadableDocumentError) throw err;
    throw new UnreadableDocumentError('The .docx file could not be read; is it a Word document?');
  }
}

export type DocumentHints = { fileName?: string; contentType?: string };

/**
 * Text and metadata from a document's bytes, in this thread: what the sandbox runs (libs/extraction's
 * `extractDocument` is the way in). Throws UnreadableDocumentError with a reason a person can act on.
 */
export async function extractHere(
  bytes: Buffer,
  hints: DocumentHints,
  limits: ExtractionLimits,
): Promise<ExtractedDocument> {
  const format = detectFormat(bytes, hints);
  switch (format) {
    case 'pdf':
      return extractPdf(bytes, limits);
    case 'docx':
      return extractDocx(bytes, limits);
    case 'html':
      return extractHtml(decodeUtf8Lenient(bytes), limits);
    case 'text':
    case 'markdown': {
      const text = decodeUtf8(bytes);
      if (!text) throw new UnreadableDocumentError('The file is empty.');
      return { format, text: checkCharacters(text, limits) };
    }
    default:
      throw new UnreadableDocumentError('Unsupported file type: send .txt, .md, .html, .pdf or .docx.');
  }
}

/** Web pages in the wild carry stray bytes; a few replacement characters are better than refusing the page. */
function decodeUtf8Lenient(bytes: Buffer): string {
  return new TextDecoder('utf-8').decode(bytes);
}
