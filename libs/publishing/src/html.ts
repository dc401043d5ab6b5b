import { claimReview } from './claim-review.js';
import { escapeHtml as e, jsonForScript, safeHttpUrl } from './escape.js';
import { renderMarkdown } from './markdown.js';
import { factCheckUrl, modifiedAt, type ListPage, type PublicFactCheck, type RatingBounds, type SiteInfo } from './model.js';

const STYLE = `body{font:17px/1.55 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:0 1rem 3rem;color:#1f2328}
header.site{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:baseline;border-bottom:1px solid #d0d7de;padding:1rem 0;margin-bottom:1.5rem}
header.site a{color:inherit}header.site .name{font-weight:700;text-decoration:none;font-size:1.1rem}
.rating{display:inline-block;padding:.15rem .6rem;border-radius:1rem;color:#fff;font-weight:600}
.notice{border-left:4px solid #cf222e;background:#fff1f0;padding:.75rem 1rem;margin:1rem 0}
.corrected{border-left-color:#bf8700;background:#fff8e5}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #d0d7de;color:#57606a}
.meta{color:#57606a;font-size:.9rem}ol.list{padding:0;list-style:none}ol.list li{margin:1.25rem 0}
nav.pages{display:flex;gap:1rem;margin-top:2rem}form.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}
footer{margin-top:3rem;border-top:1px solid #d0d7de;padding-top:1rem;font-size:.9rem;color:#57606a}`;

const date = (iso: string) => `<time datetime="${e(iso)}">${e(new Date(iso).toUTCString().slice(5, 16))}</time>`;

const link = (url: string | null | undefined, text: string) => {
  const safe = safeHttpUrl(url);
  return safe ? `<a href="${e(safe)}" rel="noopener noreferrer">${e(text)}</a>` : e(text);
};

export interface PageMeta {
  title: string;
  /** Absolute canonical URL of the page. */
  canonical: string;
  description?: string;
  /** Raw <script type="application/ld+json"> blocks or other head elements, already safe. */
  head?: string;
}

/** The shell every public page shares; no JavaScript needed, feeds discoverable from every page. */
export function layout(site: SiteInfo, meta: PageMeta, main: string): string {
  const b = site.baseUrl;
  return `<!doctype html>
<html lang="${e(site.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(meta.title)}</title>
<link rel="canonical" href="${e(meta.canonical)}">
${meta.description ? `<meta name="description" content="${e(meta.description)}">\n` : ''}<link rel="alternate" type="application/feed+json" title="JSON Feed" href="${e(b)}/feed.json">
<link rel="alternate" type="application/atom+xml" title="Atom" href="${e(b)}/feed.atom">
<link rel="alternate" type="application/rss+xml" title="RSS" href="${e(b)}/feed.rss">
<style>${STYLE}</style>
${meta.head ?? ''}</head>
<body>
<header class="site"><a class="name" href="${e(b)}/fact-checks">${e(site.publisherName)}</a>
<a href="${e(b)}/fact-checks">Fact-checks</a> <a href="${e(b)}/methodology">Methodology</a> <a href="${e(b)}/corrections-policy">Corrections policy</a></header>
<main>
${main}
</main>
<footer>Feeds: <a href="${e(b)}/feed.json">JSON Feed</a> · <a href="${e(b)}/feed.atom">Atom</a> · <a href="${e(b)}/feed.rss">RSS</a> · <a href="${e(b)}/claimreview-feed.json">ClaimReview</a></footer>
</body>
</html>
`;
}

function ratingBadge(fc: PublicFactCheck): string {
  const r = fc.snapshot.rating;
  if (!r) return '';
  const colour = /^#[0-9a-fA-F]{6}$/.test(r.colour) ? r.colour : '#57606a';
  return `<span class="rating" style="background:${colour}">${e(r.label)}</span>`;
}

function claimBlock(fc: PublicFactCheck): string {
  const { claim, speaker } = fc.snapshot;
  const who = speaker ? (speaker.sameAs[0] ? link(speaker.sameAs[0], speaker.name) : e(speaker.name)) : 'Unattributed';
  const where = claim.saidWhereUrl ? ` in ${link(claim.saidWhereUrl, claim.documentTitle ?? claim.outlet ?? new URL(safeHttpUrl(claim.saidWhereUrl) ?? 'https://unknown.invalid').hostname)}` : claim.documentTitle ? ` in ${e(claim.documentTitle)}` : '';
  const when = claim.saidAt ? ` on ${date(claim.saidAt)}` : '';
  return `<blockquote class="claim"><p>${e(claim.text)}</p></blockquote>\n<p class="meta">Said by <strong>${who}</strong>${when}${where}${claim.outlet && claim.saidWhereUrl ? ` (${e(claim.outlet)})` : ''}.</p>`;
}

function correctionsBlock(fc: PublicFactCheck): string {
  if (!fc.corrections.length) return '';
  const items = fc.corrections.map((c) => `<li>${date(c.createdAt)} — <strong>${c.kind === 'retraction' ? 'Retraction' : 'Correction'}</strong>: ${e(c.note)}</li>`).join('\n');
  return `<section id="corrections"><h2>Corrections</h2>\n<ul>\n${items}\n</ul></section>`;
}

function noticeBlock(fc: PublicFactCheck): string {
  if (fc.state === 'retracted') {
    const note = [...fc.corrections].reverse().find((c) => c.kind === 'retraction');
    return `<div class="notice" role="note"><strong>Retracted${fc.retractedAt ? ` on ${date(fc.retractedAt)}` : ''}.</strong> ${note ? e(note.note) : ''} The fact-check below is kept for the record and no longer stands.</div>`;
  }
  if (fc.corrections.some((c) => c.kind === 'correction')) {
    return `<div class="notice corrected" role="note"><strong>Corrected, updated ${date(modifiedAt(fc))}.</strong> See <a href="#corrections">the corrections</a> at the end.</div>`;
  }
  return '';
}

function sourcesBlock(fc: PublicFactCheck): string {
  if (!fc.snapshot.sources.length) return '';
  const items = fc.snapshot.sources.map((s) => {
    const bits = [link(s.url, s.title || s.url), s.publisher ? e(s.publisher) : '', s.publishedOn ? e(s.publishedOn) : '', s.kind === 'primary' ? 'primary source' : ''].filter(Boolean).join(', ');
    return `<li>${bits}${s.quote ? `<blockquote>${e(s.quote)}</blockquote>` : ''}</li>`;
  });
  return `<section id="sources"><h2>Sources</h2>\n<ol>\n${items.join('\n')}\n</ol></section>`;
}

/** The body of a fact-check, shared by its page and the feeds' content. */
export function factCheckItemHtml(fc: PublicFactCheck): string {
  const s = fc.snapshot;
  return [
    noticeBlock(fc),
    claimBlock(fc),
    s.rating ? `<p>Our rating: ${ratingBadge(fc)}</p>` : '',
    s.conclusion ? `<p class="conclusion"><strong>${e(s.conclusion)}</strong></p>` : '',
    s.analysis ? `<section class="analysis">${renderMarkdown(s.analysis)}</section>` : '',
    sourcesBlock(fc),
    correctionsBlock(fc),
  ]
    .filter(Boolean)
    .join('\n');
}

/** /fact-checks/:slug — with exactly one ClaimReview block, unless retracted or unrated. */
export function factCheckPage(fc: PublicFactCheck, site: SiteInfo, bounds: RatingBounds): string {
  const url = factCheckUrl(site, fc.slug);
  const review = claimReview(fc, site, bounds);
  const authors = fc.snapshot.authors.map((a) => e(a.name)).join(', ');
  const updated = modifiedAt(fc) !== fc.publishedAt ? ` · Updated ${date(modifiedAt(fc))}` : '';
  const main = `<article>
<h1>${e(fc.state === 'retracted' ? `Retracted: ${fc.snapshot.headline}` : fc.snapshot.headline)}</h1>
<p class="meta">Published ${date(fc.publishedAt)}${updated}${authors ? ` · By ${authors}` : ''}</p>
${factCheckItemHtml(fc)}
<p class="meta">How we rate claims: <a href="${e(site.baseUrl)}/methodology">our methodology</a>. How we correct: <a href="${e(site.baseUrl)}/corrections-policy">our corrections policy</a>.</p>
</article>`;
  return layout(site, { title: `${fc.snapshot.headline} | ${site.publisherName}`, canonical: url, description: fc.snapshot.conclusion || undefined, head: review ? `<script type="application/ld+json">${jsonForScript(review)}</script>\n` : '' }, main);
}

export interface IndexFilters {
  speaker?: string;
  rating?: string;
}
export interface IndexOptions {
  speakers: { id: string; name: string }[];
  ratings: { slug: string; label: string }[];
}

/** The query string of an index page; only what is set, in a fixed order, so each page has one URL. */
export function indexQuery(filters: IndexFilters, page: number): string {
  const q = new URLSearchParams();
  if (filters.speaker) q.set('speaker', filters.speaker);
  if (filters.rating) q.set('rating', filters.rating);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** /fact-checks — newest first, a GET form for the filters (works without JavaScript), numbered pages. */
export function indexPage(list: ListPage<PublicFactCheck>, filters: IndexFilters, options: IndexOptions, site: SiteInfo): string {
  const base = `${site.baseUrl}/fact-checks`;
  const option = (value: string, label: string, selected: boolean) => `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(label)}</option>`;
  const form = `<form class="filters" method="get" action="${e(base)}">
<label>Speaker <select name="speaker"><option value="">Anyone</option>${options.speakers.map((s) => option(s.id, s.name, s.id === filters.speaker)).join('')}</select></label>
<label>Rating <select name="rating"><option value="">Any rating</option>${options.ratings.map((r) => option(r.slug, r.label, r.slug === filters.rating)).join('')}</select></label>
<button type="submit">Filter</button></form>`;
  const items = list.items.map((fc) => `<li><h2><a href="${e(factCheckUrl(site, fc.slug))}">${e(fc.state === 'retracted' ? `Retracted: ${fc.snapshot.headline}` : fc.snapshot.headline)}</a></h2>
<p>${ratingBadge(fc)} <span class="meta">${fc.snapshot.speaker ? `${e(fc.snapshot.speaker.name)} · ` : ''}${date(fc.publishedAt)}</span></p>
<p>${e(fc.snapshot.claim.text)}</p></li>`);
  const pager = [
    list.page > 1 ? `<a rel="prev" href="${e(base + indexQuery(filters, list.page - 1))}">Newer</a>` : '',
    `<span>Page ${list.page} of ${list.pages}</span>`,
    list.page < list.pages ? `<a rel="next" href="${e(base + indexQuery(filters, list.page + 1))}">Older</a>` : '',
  ].filter(Boolean);
  const main = `<h1>Fact-checks</h1>\n${form}\n${items.length ? `<ol class="list">\n${items.join('\n')}\n</ol>` : '<p>No fact-checks match.</p>'}\n<nav class="pages">${pager.join(' ')}</nav>`;
  return layout(site, { title: `Fact-checks | ${site.publisherName}`, canonical: base + indexQuery(filters, list.page), head: '' }, main);
}

/** /methodology, /corrections-policy: Markdown that admins edit. */
export function sitePage(page: { path: string; title: string; body: string; updatedAt: string | null }, site: SiteInfo): string {
  const main = `<article><h1>${e(page.title)}</h1>\n${renderMarkdown(page.body)}\n${page.updatedAt ? `<p class="meta">Last updated ${date(page.updatedAt)}</p>` : ''}</article>`;
  return layout(site, { title: `${page.title} | ${site.publisherName}`, canonical: `${site.baseUrl}${page.path}` }, main);
}

export function notFoundPage(site: SiteInfo, path: string): string {
  return layout(site, { title: `Not found | ${site.publisherName}`, canonical: `${site.baseUrl}${path}` }, `<h1>Not found</h1>\n<p>There is no page here. See <a href="${e(site.baseUrl)}/fact-checks">all fact-checks</a>.</p>`);
}
