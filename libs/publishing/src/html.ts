import { correctionHeading, formatMediaTime, speakerPath, type PublicAppearance } from '@factdesk/domain';
import { appearancesOf, claimReview, mediaLinkOf } from './claim-review.js';
import { inkOn, safeColour } from './colour.js';
import { escapeHtml as e, jsonForScript, safeHttpUrl } from './escape.js';
import { LIST_STYLE } from './site-style.js';
import { renderMarkdown } from './markdown.js';
import { factCheckUrl, modifiedAt, type PublicFactCheck, type RatingBounds, type SiteInfo } from './model.js';

// The site's one stylesheet, inline (no extra request). Text colours meet WCAG AA on their backgrounds.
const STYLE = `*{box-sizing:border-box}body{font:17px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2328;background:#fff}
a{color:#0a58ca}.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:.5rem;background:#fff;color:#1f2328;padding:.4rem .8rem;z-index:1}
header.site{background:#0f1b2d;color:#fff}header.site .bar{max-width:70rem;margin:0 auto;padding:.85rem 1rem;display:flex;flex-wrap:wrap;gap:.35rem 1.4rem;align-items:baseline}
header.site a{color:#fff;text-decoration:none}header.site a:hover,header.site a:focus{text-decoration:underline}header.site .name{font-weight:800;font-size:1.2rem;margin-right:auto}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}main.wide{max-width:70rem}h1{line-height:1.2;margin:.5rem 0 1rem}
.rating{display:inline-block;padding:.15rem .6rem;border-radius:1rem;color:#fff;font-weight:600;font-size:.9rem;white-space:nowrap}
.notice{border-left:4px solid #cf222e;background:#fff1f0;padding:.75rem 1rem;margin:1rem 0}
.corrected{border-left-color:#bf8700;background:#fff8e5}
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid #d0d7de;color:#424a53}
.meta{color:#57606a;font-size:.9rem}
footer{border-top:1px solid #d0d7de;font-size:.9rem;color:#57606a}footer div{max-width:70rem;margin:0 auto;padding:1rem}
${LIST_STYLE}`;

export const date = (iso: string) => `<time datetime="${e(iso)}">${e(new Date(iso).toUTCString().slice(5, 16))}</time>`;

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
  /**
   * Open Graph and Twitter card tags for pages people share (title, description and canonical from above,
   * unless given here), with any further [attribute, name, content] tags (article times, a rating label).
   */
  share?: {
    type: 'website' | 'article' | 'profile';
    title?: string;
    description?: string;
    extra?: [string, string, string | undefined][];
  };
  /** Search results and other pages search engines should not index (they still follow the links). */
  noindex?: boolean;
  /** Lists and scorecards use the wider column; articles keep a line length that reads well. */
  wide?: boolean;
}

/** Open Graph and Twitter card tags; the publisher's logo is the image when one is configured. */
function shareTags(site: SiteInfo, meta: PageMeta): string {
  if (!meta.share) return '';
  const logo = safeHttpUrl(site.publisherLogoUrl);
  const title = meta.share.title ?? meta.title;
  const description = meta.share.description ?? meta.description;
  const tags: [string, string, string | undefined][] = [
    ['property', 'og:type', meta.share.type],
    ['property', 'og:site_name', site.publisherName],
    ['property', 'og:title', title],
    ['property', 'og:description', description],
    ['property', 'og:url', meta.canonical],
    ['property', 'og:locale', site.language.replace('-', '_')],
    ['property', 'og:image', logo ?? undefined],
    ['property', 'og:image:alt', logo ? `${site.publisherName} logo` : undefined],
    ['name', 'twitter:card', 'summary'],
    ['name', 'twitter:title', title],
    ['name', 'twitter:description', description],
    ['name', 'twitter:image', logo ?? undefined],
    ...(meta.share.extra ?? []),
  ];
  return tags
    .filter(([, , content]) => content)
    .map(([attr, name, content]) => `<meta ${attr}="${name}" content="${e(content!)}">\n`)
    .join('');
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
${meta.description ? `<meta name="description" content="${e(meta.description)}">\n` : ''}${meta.noindex ? '<meta name="robots" content="noindex, follow">\n' : ''}${shareTags(site, meta)}<link rel="alternate" type="application/feed+json" title="JSON Feed" href="${e(b)}/feed.json">
<link rel="alternate" type="application/atom+xml" title="Atom" href="${e(b)}/feed.atom">
<link rel="alternate" type="application/rss+xml" title="RSS" href="${e(b)}/feed.rss">
<style>${STYLE}</style>
${meta.head ?? ''}</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site"><nav class="bar" aria-label="Site"><a class="name" href="${e(b)}/fact-checks">${e(site.publisherName)}</a>
<a href="${e(b)}/fact-checks">Fact-checks</a> <a href="${e(b)}/methodology">Methodology</a> <a href="${e(b)}/corrections-policy">Corrections policy</a></nav></header>
<main id="main"${meta.wide ? ' class="wide"' : ''}>
${main}
</main>
<footer><div>Feeds: <a href="${e(b)}/feed.json">JSON Feed</a> · <a href="${e(b)}/feed.atom">Atom</a> · <a href="${e(b)}/feed.rss">RSS</a> · <a href="${e(b)}/claimreview-feed.json">ClaimReview</a></div></footer>
</body>
</html>
`;
}

export function ratingBadge(fc: PublicFactCheck): string {
  const r = fc.snapshot.rating;
  if (!r) return '';
  return badge(r.label, r.colour);
}

/** A rating's label on its colour, in white or, where white would be too faint (WCAG AA), in near-black. */
export function badge(label: string, colour: string): string {
  const bg = safeColour(colour);
  return `<span class="rating" style="background:${bg}${inkOn(bg) === '#fff' ? '' : `;color:${inkOn(bg)}`}">${e(label)}</span>`;
}

/** Where it appeared, by its public name: never the document's working title, which is the newsroom's own. */
function appearanceName(a: PublicAppearance): string | null {
  if (a.appearedIn) return a.appearedIn;
  if (a.outlet) return a.outlet;
  const url = safeHttpUrl(a.sourceUrl);
  return url ? new URL(url).hostname : null;
}

/** " on 30 Jun 2022 at Press conference, Minsk, in <a>Remarks after talks</a> (Outlet); recording at 12:34". */
function appearanceWords(a: PublicAppearance): string {
  const name = appearanceName(a);
  const media = mediaLinkOf(a);
  const parts = [
    a.saidAt ? ` on ${date(a.saidAt)}` : '',
    a.venue ? ` at <span class="venue">${e(a.venue)}</span>` : '',
    name ? `${a.venue ? ',' : ''} in ${link(a.sourceUrl, name)}` : '',
    name && a.outlet && a.outlet !== name ? ` (${e(a.outlet)})` : '',
    media
      ? `; ${link(media, a.mediaStartSeconds ? `recording at ${formatMediaTime(a.mediaStartSeconds)}` : 'recording')}`
      : '',
  ];
  return parts.join('');
}

function claimBlock(fc: PublicFactCheck): string {
  const { claim, speaker } = fc.snapshot;
  const who = speaker ? (speaker.sameAs[0] ? link(speaker.sameAs[0], speaker.name) : e(speaker.name)) : 'Unattributed';
  const [first, ...others] = appearancesOf(fc);
  const also = others.length
    ? `\n<p class="meta">Also said${others.length > 1 ? ` ${others.length} more times` : ''}:</p>\n<ul class="appearances meta">${others.map((a) => `<li>Said${appearanceWords(a) || ' (where and when not known)'}.</li>`).join('')}</ul>`
    : '';
  return `<blockquote class="claim"><p>${e(claim.text)}</p></blockquote>\n<p class="meta provenance">Said by <strong>${who}</strong>${first ? appearanceWords(first) : ''}.</p>${also}`;
}

function correctionsBlock(fc: PublicFactCheck): string {
  if (!fc.corrections.length) return '';
  const items = fc.corrections
    .map(
      (c) =>
        `<li>${date(c.createdAt)} — <strong>${e(correctionHeading(c.kind, c.fields ?? []))}</strong>: ${e(c.note)}</li>`,
    )
    .join('\n');
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
    const bits = [
      link(s.url, s.title || s.url),
      s.publisher ? e(s.publisher) : '',
      s.publishedOn ? e(s.publishedOn) : '',
      s.kind === 'primary' ? 'primary source' : '',
    ]
      .filter(Boolean)
      .join(', ');
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

function speakerLink(fc: PublicFactCheck, site: SiteInfo): string {
  const sp = fc.snapshot.speaker;
  return sp
    ? `<p class="meta"><a href="${e(site.baseUrl + speakerPath(sp.name, sp.id))}">All fact-checks of ${e(sp.name)}</a> and how their ratings fall.</p>\n`
    : '';
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
${speakerLink(fc, site)}<p class="meta">How we rate claims: <a href="${e(site.baseUrl)}/methodology">our methodology</a>. How we correct: <a href="${e(site.baseUrl)}/corrections-policy">our corrections policy</a>.</p>
</article>`;
  return layout(
    site,
    {
      title: `${fc.snapshot.headline} | ${site.publisherName}`,
      canonical: url,
      description: fc.snapshot.conclusion || undefined,
      share: factCheckShare(fc),
      head: review ? `<script type="application/ld+json">${jsonForScript(review)}</script>\n` : '',
    },
    main,
  );
}

/** A shared fact-check shows its rating with the headline, and the conclusion; article times for crawlers. */
function factCheckShare(fc: PublicFactCheck): PageMeta['share'] {
  const s = fc.snapshot;
  const retracted = fc.state === 'retracted';
  const rating = s.rating && !retracted ? s.rating.label : null;
  return {
    type: 'article',
    title: retracted ? `Retracted: ${s.headline}` : rating ? `${rating}: ${s.headline}` : s.headline,
    description: [rating ? `Our rating: ${rating}.` : '', s.conclusion].filter(Boolean).join(' ') || undefined,
    extra: [
      ['property', 'article:published_time', fc.publishedAt],
      ['property', 'article:modified_time', modifiedAt(fc)],
      ['name', 'twitter:label1', rating ? 'Rating' : undefined],
      ['name', 'twitter:data1', rating ?? undefined],
    ],
  };
}

/** /methodology, /corrections-policy: Markdown that admins edit. */
export function sitePage(
  page: { path: string; title: string; body: string; updatedAt: string | null },
  site: SiteInfo,
): string {
  const main = `<article><h1>${e(page.title)}</h1>\n${renderMarkdown(page.body)}\n${page.updatedAt ? `<p class="meta">Last updated ${date(page.updatedAt)}</p>` : ''}</article>`;
  return layout(
    site,
    { title: `${page.title} | ${site.publisherName}`, canonical: `${site.baseUrl}${page.path}` },
    main,
  );
}

/** The body of a redirect, for clients that do not follow it. */
export function movedPage(site: SiteInfo, url: string): string {
  return layout(
    site,
    { title: `Moved | ${site.publisherName}`, canonical: url },
    `<h1>Moved</h1>\n<p>This page is now at <a href="${e(url)}">${e(url)}</a>.</p>`,
  );
}

export function notFoundPage(site: SiteInfo, path: string): string {
  return layout(
    site,
    { title: `Not found | ${site.publisherName}`, canonical: `${site.baseUrl}${path}` },
    `<h1>Not found</h1>\n<p>There is no page here. See <a href="${e(site.baseUrl)}/fact-checks">all fact-checks</a>.</p>`,
  );
}
