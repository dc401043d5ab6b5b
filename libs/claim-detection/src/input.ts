import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { convert } from 'html-to-text';

/**
 * Read a .txt, .md or .html file as plain text. HTML is converted to text first (offsets then
 * refer to the converted text); Markdown and plain text are returned verbatim.
 */
export function readDocument(path: string): string {
  const raw = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || (/^\s*<(!doctype|html)/i.test(raw) && ext !== '.md')) {
    return htmlToText(raw);
  }
  return raw.replace(/^\uFEFF/, '');
}

export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
}
