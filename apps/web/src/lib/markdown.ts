import DOMPurify from 'dompurify';
import { marked } from 'marked';

/** Markdown to HTML that is safe to insert: marked renders, DOMPurify removes scripts, handlers and unsafe URLs. */
export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: false });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true } });
}
