import { SPEAKERS_PATH, speakerPath, speakerSlug, type SpeakerKind } from '@factdesk/domain';
import { safeColour } from './colour.js';
import { escapeHtml as e, safeHttpUrl } from './escape.js';
import { date, layout, ratingBadge } from './html.js';
import { factCheckUrl, type ListPage, type PublicFactCheck, type SiteInfo } from './model.js';

export interface IndexFilters {
  /** Search words, as typed. */
  q?: string;
  speaker?: string;
  rating?: string;
  /** Published from / until these days (YYYY-MM-DD). */
  from?: string;
  to?: string;
}
export interface IndexOptions {
  speakers: { id: string; name: string }[];
  ratings: { slug: string; label: string }[];
}

export interface SpeakerProfile {
  id: string;
  name: string;
  kind: SpeakerKind;
  description: string | null;
  sameAs: string[];
}

/** How many of a speaker's standing fact-checks carry each rating, in the scale's order. */
export interface RatingShare {
  slug: string;
  label: string;
  colour: string;
  count: number;
}

/** The query string of an index page; only what is set, in a fixed order, so each page has one URL. */
export function indexQuery(filters: IndexFilters, page: number): string {
  const q = new URLSearchParams();
  for (const key of ['q', 'speaker', 'rating', 'from', 'to'] as const) if (filters[key]) q.set(key, filters[key]!);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const speakerUrl = (site: SiteInfo, s: { id: string; name: string }) => `${site.baseUrl}${speakerPath(s.name, s.id)}`;

/** One fact-check in a list: rating, headline, the claim, who said it (linked to their page) and when. */
function card(fc: PublicFactCheck, site: SiteInfo): string {
  const s = fc.snapshot;
  const headline = fc.state === 'retracted' ? `Retracted: ${s.headline}` : s.headline;
  const who = s.speaker ? `<a href="${e(speakerUrl(site, s.speaker))}">${e(s.speaker.name)}</a> · ` : '';
  return `<li><div class="verdict">${ratingBadge(fc) || '<span class="meta">Not rated</span>'}</div><div>
<h3><a href="${e(factCheckUrl(site, fc.slug))}">${e(headline)}</a></h3>
<p class="said">“${e(s.claim.text)}”</p>
<p class="meta">${who}Published ${date(fc.publishedAt)}</p></div></li>`;
}

/** Numbered pages around the current one, with first, last, previous and next: plain links. */
function pager(list: ListPage<unknown>, href: (page: number) => string): string {
  if (list.pages <= 1) return `<nav class="pages" aria-label="Pages"><p class="meta">Page 1 of 1</p></nav>`;
  const numbers = [...new Set([1, list.page - 2, list.page - 1, list.page, list.page + 1, list.page + 2, list.pages])]
    .filter((n) => n >= 1 && n <= list.pages)
    .sort((a, b) => a - b);
  const items: string[] = [];
  if (list.page > 1) items.push(`<li><a rel="prev" href="${e(href(list.page - 1))}">‹ Newer</a></li>`);
  numbers.forEach((n, i) => {
    if (i > 0 && n - numbers[i - 1] > 1) items.push('<li aria-hidden="true">…</li>');
    items.push(
      n === list.page
        ? `<li><span aria-current="page">${n}</span></li>`
        : `<li><a href="${e(href(n))}" aria-label="Page ${n}">${n}</a></li>`,
    );
  });
  if (list.page < list.pages) items.push(`<li><a rel="next" href="${e(href(list.page + 1))}">Older ›</a></li>`);
  return `<nav class="pages" aria-label="Pages"><p class="meta">Page ${list.page} of ${list.pages}</p><ol>${items.join('')}</ol></nav>`;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** /fact-checks — search, filters (a GET form: works without JavaScript), newest first or by relevance, pages. */
export function indexPage(
  list: ListPage<PublicFactCheck>,
  filters: IndexFilters,
  options: IndexOptions,
  site: SiteInfo,
): string {
  const base = `${site.baseUrl}/fact-checks`;
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(label)}</option>`;
  const filtered = Object.values(filters).some(Boolean);
  const form = `<form class="search" method="get" action="${e(base)}" role="search" aria-label="Search fact-checks">
<div class="q"><label>Search fact-checks <input type="search" name="q" value="${e(filters.q ?? '')}" maxlength="200" placeholder="Words or “a phrase”"></label><button type="submit">Search</button></div>
<div class="filters">
<label>Speaker <select name="speaker"><option value="">Anyone</option>${options.speakers.map((s) => option(s.id, s.name, s.id === filters.speaker)).join('')}</select></label>
<label>Rating <select name="rating"><option value="">Any rating</option>${options.ratings.map((r) => option(r.slug, r.label, r.slug === filters.rating)).join('')}</select></label>
<label>Published from <input type="date" name="from" value="${e(filters.from ?? '')}"></label>
<label>Published until <input type="date" name="to" value="${e(filters.to ?? '')}"></label>
</div>
<div class="actions"><button type="submit">Apply filters</button>${filtered ? ` <a href="${e(base)}">Clear all</a>` : ''}</div>
</form>`;
  const total = list.total ?? list.items.length;
  const heading = filters.q
    ? `${plural(total, 'result', 'results')} for “${e(filters.q)}”`
    : filtered
      ? `${plural(total, 'matching fact-check', 'matching fact-checks')}`
      : `${plural(total, 'fact-check', 'fact-checks')}, newest first`;
  const items = list.items.map((fc) => card(fc, site));
  const main = `<h1>Fact-checks</h1>
<p class="lede">Claims by public figures, checked against the evidence by ${e(site.publisherName)}. Each fact-check lists its sources and <a href="${e(site.baseUrl)}/methodology">how we rate</a>.</p>
${form}
<section aria-labelledby="results-heading"><div class="results"><h2 id="results-heading">${heading}</h2>${filters.q ? '<span class="meta">Most relevant first</span>' : ''}</div>
${items.length ? `<ol class="cards">\n${items.join('\n')}\n</ol>` : '<p>No fact-checks match. Try fewer words or filters.</p>'}
${pager(list, (n) => base + indexQuery(filters, n))}</section>`;
  const title = filters.q
    ? `Search: ${filters.q} | Fact-checks | ${site.publisherName}`
    : `Fact-checks | ${site.publisherName}`;
  return layout(
    site,
    {
      title,
      canonical: base + indexQuery(filters, list.page),
      description: `Fact-checks by ${site.publisherName}: claims checked against the evidence, with ratings and sources.`,
      share: { type: 'website' },
      // Search results are not pages of their own for search engines; the fact-checks they list are.
      noindex: !!filters.q,
      wide: true,
    },
    main,
  );
}

/**
 * The distribution of ratings as an inline SVG bar chart (no JavaScript, text labels, one bar per rating,
 * widths in percent so it fits any column) and the same numbers as a table.
 */
export function ratingChart(shares: RatingShare[], name: string): string {
  const total = shares.reduce((n, s) => n + s.count, 0);
  const max = Math.max(1, ...shares.map((s) => s.count));
  const ROW = 30;
  const rows = shares.map((s, i) => {
    const y = i * ROW;
    const w = Math.round((s.count / max) * 480) / 10; // up to 48% of the width
    return `<text x="36%" y="${y + 20}" text-anchor="end" fill="#1f2328">${e(s.label)}</text>
<rect x="38%" y="${y + 6}" width="${w}%" height="18" rx="3" fill="${safeColour(s.colour)}"></rect>
<text x="${38 + w}%" dx="6" y="${y + 20}" fill="#1f2328">${s.count}</text>`;
  });
  const summary = shares
    .filter((s) => s.count)
    .map((s) => `${s.label}: ${s.count}`)
    .join(', ');
  const table = shares
    .map(
      (s) =>
        `<tr><th scope="row">${e(s.label)}</th><td class="n">${s.count}</td><td class="n">${total ? Math.round((s.count / total) * 100) : 0}%</td></tr>`,
    )
    .join('');
  return `<figure class="chart" aria-labelledby="chart-caption">
<figcaption id="chart-caption">How ${e(name)}’s claims were rated</figcaption>
<svg role="img" aria-labelledby="chart-title" height="${shares.length * ROW}" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">${e(`Ratings of ${plural(total, 'standing fact-check', 'standing fact-checks')}${summary ? `: ${summary}` : ''}`)}</title>
${rows.join('\n')}
</svg>
<details><summary>The ratings as a table</summary>
<table class="dist"><caption class="meta">Standing fact-checks (retractions left out) of ${e(name)}</caption><thead><tr><th scope="col">Rating</th><th scope="col" class="n">Fact-checks</th><th scope="col" class="n">Share</th></tr></thead><tbody>${table}</tbody></table>
</details></figure>`;
}

/** /speakers/:slug — who they are, how their ratings fall, and their fact-checks, newest first. */
export function speakerPage(
  speaker: SpeakerProfile,
  shares: RatingShare[],
  list: ListPage<PublicFactCheck>,
  site: SiteInfo,
): string {
  const url = `${site.baseUrl}${SPEAKERS_PATH}/${speakerSlug(speaker.name, speaker.id)}`;
  const href = (n: number) => (n > 1 ? `${url}?page=${n}` : url);
  const total = list.total ?? list.items.length;
  const links = speaker.sameAs
    .map((u) => safeHttpUrl(u))
    .filter((u): u is string => !!u)
    .map((u) => `<a href="${e(u)}" rel="noopener noreferrer">${e(new URL(u).hostname.replace(/^www\./, ''))}</a>`);
  const main = `<p class="crumbs"><a href="${e(site.baseUrl)}/fact-checks">Fact-checks</a> › Speaker</p>
<h1>${e(speaker.name)}</h1>
<div class="profile"><div>
${speaker.description ? `<p>${e(speaker.description)}</p>` : ''}
<p>${e(site.publisherName)} has fact-checked ${plural(total, 'claim', 'claims')} by ${e(speaker.name)}.</p>
${links.length ? `<p class="meta">Elsewhere: ${links.join(' · ')}</p>` : ''}
<p class="meta"><a href="${e(`${site.baseUrl}/fact-checks${indexQuery({ speaker: speaker.id }, 1)}`)}">Search and filter these fact-checks</a></p>
</div>
${ratingChart(shares, speaker.name)}</div>
<section aria-labelledby="list-heading"><div class="results"><h2 id="list-heading">Fact-checks of ${e(speaker.name)}</h2><span class="meta">Newest first</span></div>
${list.items.length ? `<ol class="cards">\n${list.items.map((fc) => card(fc, site)).join('\n')}\n</ol>` : '<p>None yet.</p>'}
${pager(list, href)}</section>`;
  return layout(
    site,
    {
      title: `${speaker.name}: fact-checks and ratings | ${site.publisherName}`,
      canonical: href(list.page),
      description: `${plural(total, 'fact-check', 'fact-checks')} of claims by ${speaker.name}, and how their ratings fall.`,
      share: { type: 'profile' },
      wide: true,
    },
    main,
  );
}
