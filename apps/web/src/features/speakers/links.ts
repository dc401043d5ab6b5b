/** What an editor typed as sameAs links, one a line: the addresses, and the lines that are not http(s) addresses. */
export function parseLinks(text: string): { links: string[]; invalid: string[] } {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const valid = (l: string) => {
    try {
      const url = new URL(l);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  };
  return { links: [...new Set(lines.filter(valid))], invalid: lines.filter((l) => !valid(l)) };
}

/** A short name for a sameAs link: Wikidata, Wikipedia, or the site's host. */
export function linkLabel(url: string): string {
  const host = new URL(url).hostname.replace(/^www\./, '');
  if (host === 'wikidata.org') return 'Wikidata';
  if (host.endsWith('wikipedia.org')) return 'Wikipedia';
  return host;
}
