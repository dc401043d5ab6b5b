import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate } from 'html-validate';
import { speakerPath } from '@factdesk/domain';
import { eventually } from '@factdesk/testing';
import { startHarness, type Harness } from './harness.js';
import { newsroom, type Newsroom } from './publish-flow.js';

// The public site readers browse: search, filters and pages of the index, speaker pages, sitemap, robots.txt.
const BASE = 'https://factcheck.example.org';
let h: Harness;
let desk: Newsroom;
beforeAll(async () => {
  h = await startHarness({
    PUBLIC_BASE_URL: BASE,
    PUBLISHER_NAME: 'Example Fact Check',
    PUBLISHER_LOGO_URL: 'https://example.org/logo.png',
  });
  desk = await newsroom(h);
});
afterAll(() => h.close());

const get = (url: string) => h.request({ url });
const html = async (url: string) => {
  const res = await get(url);
  expect(res.statusCode).toBe(200);
  return res.body;
};
/** The headlines of a list page, in order. */
const headlines = (body: string) => [...body.matchAll(/<h3><a href="[^"]*">([^<]*)<\/a><\/h3>/g)].map((m) => m[1]);
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'no-inline-style': 'off', 'doctype-style': 'off', 'long-title': 'off' },
});
async function expectValidHtml(body: string) {
  const report = await validator.validateString(body);
  expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message} (line ${m.line})`))).toEqual(
    [],
  );
}
const speakerId = async (slug: string) =>
  (await h.db.query('SELECT speaker_id FROM fact_checks WHERE slug = $1', [slug]))[0].speaker_id as string;
const setPublished = (slug: string, iso: string) =>
  h.db.query('UPDATE fact_checks SET published_at = $2 WHERE slug = $1', [slug, iso]);

describe('search', () => {
  beforeAll(async () => {
    await h.data.publishedFactCheck({
      speaker: 'Search Speaker',
      headline: 'Pensions did not double under the reform',
      text: 'Pensions doubled thanks to our reform.',
      analysis: 'The pension fund reports show a rise of 4 percent.',
    });
    await h.data.publishedFactCheck({
      speaker: 'Search Speaker',
      headline: 'Crime figures are mixed',
      text: 'Crime is at a record low.',
      analysis: 'Pensioners were surveyed too, but the reform is not about them.',
    });
    await h.data.publishedFactCheck({ speaker: 'Other Speaker', headline: 'Bridges were built on time' });
  });

  it('finds published fact-checks by their words, stemmed, headline and claim matches first', async () => {
    const body = await html('/fact-checks?q=pension+reform');
    expect(headlines(body)).toEqual(['Pensions did not double under the reform', 'Crime figures are mixed']);
    expect(body).toContain('2 results for “pension reform”');
    expect(body).toContain('<meta name="robots" content="noindex, follow">');
    expect(body).toContain('value="pension reform"');
    expect(headlines(await html('/fact-checks?q=%22record+low%22'))).toEqual(['Crime figures are mixed']);
    expect(headlines(await html('/fact-checks?q=pension+-crime'))).toEqual([
      'Pensions did not double under the reform',
    ]);
    const none = await html('/fact-checks?q=zeppelin');
    expect(headlines(none)).toEqual([]);
    expect(none).toContain('0 results for “zeppelin”');
  });

  it('reads the empty fields of the GET form as unset, and one search as one URL', async () => {
    const body = await html('/fact-checks?q=++pension++&speaker=&rating=&from=&to=&utm_source=x');
    expect(headlines(body)).toContain('Pensions did not double under the reform');
    expect(body).toContain(`<link rel="canonical" href="${BASE}/fact-checks?q=pension">`);
    expect(body).not.toContain('noindex'.repeat(2));
  });

  it('refuses what is not a search with a 400, never a 500', async () => {
    for (const url of [
      `/fact-checks?q=${'x'.repeat(201)}`,
      '/fact-checks?from=2030-13-01',
      '/fact-checks?from=yesterday',
      '/fact-checks?from=2030-02-01&to=2030-01-01',
      '/fact-checks?speaker=not-a-uuid',
      '/fact-checks?page=0',
    ]) {
      const res = await get(url);
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
    }
    // Search syntax is never an error: websearch_to_tsquery reads anything.
    for (const q of [
      '""" or - &!(',
      "' OR 1=1 --",
      "'; DROP TABLE fact_checks; --",
      '\\',
      '%_',
      '!(&|:*',
      '\u202Egnp.exe',
      'the',
    ])
      expect({ q, status: (await get(`/fact-checks?q=${encodeURIComponent(q)}`)).statusCode }).toEqual({
        q,
        status: 200,
      });
  });
});

describe('filters and pages', () => {
  it('filters by speaker, rating and publication date, together with a search', async () => {
    const a = await h.data.publishedFactCheck({ speaker: 'Filter Speaker A', rating: 'true', headline: 'Filter A' });
    const b = await h.data.publishedFactCheck({ speaker: 'Filter Speaker B', rating: 'false', headline: 'Filter B' });
    await setPublished(a.slug, '2031-01-10T12:00:00Z');
    await setPublished(b.slug, '2031-01-20T12:00:00Z');
    const sa = await speakerId(a.slug);
    expect(headlines(await html(`/fact-checks?speaker=${sa}`))).toEqual(['Filter A']);
    const rated = headlines(await html('/fact-checks?rating=true'));
    expect(rated).toContain('Filter A');
    expect(rated).not.toContain('Filter B');
    expect(headlines(await html('/fact-checks?from=2031-01-01&to=2031-01-15'))).toEqual(['Filter A']);
    // Both ends count whole days (UTC).
    expect(headlines(await html('/fact-checks?from=2031-01-10&to=2031-01-20'))).toEqual(['Filter B', 'Filter A']);
    expect(headlines(await html('/fact-checks?from=2031-01-11'))).toEqual(['Filter B']);
    expect(headlines(await html('/fact-checks?q=filter&rating=false'))).toEqual(['Filter B']);
    const form = await html(`/fact-checks?speaker=${sa}&from=2031-01-01`);
    expect(form).toContain(`<option value="${sa}" selected>Filter Speaker A</option>`);
    expect(form).toContain('name="from" value="2031-01-01"');
    expect(form).toContain(`<a href="${BASE}/fact-checks">Clear all</a>`);
  });

  it('pages with numbered links that carry the filters, and 404s past the end', async () => {
    for (let i = 1; i <= 22; i++)
      await h.data.publishedFactCheck({ speaker: 'Paging Speaker', headline: `Paging check ${i}`, text: `Zebra ${i}` });
    const first = await html('/fact-checks?q=zebra');
    expect(headlines(first)).toHaveLength(20);
    expect(first).toContain('22 results for “zebra”');
    expect(first).toContain('Page 1 of 2');
    expect(first).toContain(`<a rel="next" href="${BASE}/fact-checks?q=zebra&amp;page=2">`);
    expect(first).toContain('<span aria-current="page">1</span>');
    const second = await html('/fact-checks?q=zebra&page=2');
    expect(headlines(second)).toHaveLength(2);
    expect(second).toContain(`<a rel="prev" href="${BASE}/fact-checks?q=zebra">`);
    expect(new Set([...headlines(first), ...headlines(second)]).size).toBe(22);
    expect((await get('/fact-checks?q=zebra&page=3')).statusCode).toBe(404);
  });
});

describe('speaker pages', () => {
  let slug: string;
  let path: string;
  beforeAll(async () => {
    const fc = await desk.publish({ speaker: 'Maria Scorecard', rating: 'false', headline: 'Scorecard check one' });
    await h.data.publishedFactCheck({ speaker: 'Maria Scorecard', rating: 'false', headline: 'Scorecard check two' });
    await h.data.publishedFactCheck({ speaker: 'Maria Scorecard', rating: 'true', headline: 'Scorecard check three' });
    slug = fc.slug;
    path = speakerPath('Maria Scorecard', await speakerId(slug));
  });

  it('lists their fact-checks and how their ratings fall, as an SVG with labels and a table', async () => {
    const body = await html(path);
    expect(body).toContain('<h1>Maria Scorecard</h1>');
    expect(headlines(body)).toEqual(['Scorecard check three', 'Scorecard check two', 'Scorecard check one']);
    expect(body).toMatch(/<svg role="img" aria-labelledby="chart-title"/);
    expect(body).toContain('<title id="chart-title">Ratings of 3 standing fact-checks: True: 1, False: 2</title>');
    expect(body).toMatch(/<text[^>]*>False<\/text>\s*<rect[^>]*width="48%"[^>]*fill="#cf222e">/);
    expect(body).toContain('<th scope="row">False</th><td class="n">2</td><td class="n">67%</td>');
    expect(body).toContain('<th scope="row">True</th><td class="n">1</td><td class="n">33%</td>');
    expect(body).toContain(`<link rel="canonical" href="${BASE}${path}">`);
    expect(body).not.toMatch(/<script/);
    await expectValidHtml(body);
  });

  it('are linked from the fact-check page and the index', async () => {
    expect(await html(`/fact-checks/${slug}`)).toContain(
      `<a href="${BASE}${path}">All fact-checks of Maria Scorecard</a>`,
    );
    expect(await html('/fact-checks')).toContain(`<a href="${BASE}${path}">Maria Scorecard</a>`);
  });

  it('carry share tags: Open Graph and a Twitter card', async () => {
    const body = await html(path);
    expect(body).toContain('<meta property="og:type" content="profile">');
    expect(body).toContain(
      '<meta property="og:title" content="Maria Scorecard: fact-checks and ratings | Example Fact Check">',
    );
    expect(body).toContain(`<meta property="og:url" content="${BASE}${path}">`);
    expect(body).toContain('<meta property="og:image" content="https://example.org/logo.png">');
    expect(body).toContain('<meta name="twitter:card" content="summary">');
    expect(body).toMatch(/<meta name="twitter:description" content="3 fact-checks of claims by Maria Scorecard/);
  });

  it('leave out retractions from the chart but keep them in the list', async () => {
    const fc = await h.data.publishedFactCheck({ speaker: 'Retracted Speaker', rating: 'false', headline: 'Gone' });
    await h.data.changeFactCheck(fc.id, { kind: 'retraction', note: 'Withdrawn.' });
    const body = await html(speakerPath('Retracted Speaker', await speakerId(fc.slug)));
    expect(headlines(body)).toEqual(['Retracted: Gone']);
    expect(body).toContain('<th scope="row">False</th><td class="n">0</td>');
  });

  it('redirect a slug with an outdated name (a rename, a merge) to the current one', async () => {
    const id = await speakerId(slug);
    for (const [url, to] of [
      [speakerPath('Maria Old Name', id), `${BASE}${path}`],
      [`${speakerPath('Maria Old Name', id)}?page=1`, `${BASE}${path}`],
    ]) {
      const res = await get(url);
      expect({ url, status: res.statusCode, location: res.headers.location }).toEqual({
        url,
        status: 301,
        location: to,
      });
    }
  });

  it('follow a merge: the merged speaker’s fact-check pages name the speaker kept, and the old page redirects', async () => {
    const gone = await desk.publish({ speaker: 'Merged Away', headline: 'Check of a merged speaker' });
    const goneId = await speakerId(gone.slug);
    const keptId = await speakerId(slug);
    const res = await h.request({
      method: 'POST',
      url: `/api/speakers/${goneId}/merge`,
      cookie: desk.editor.cookie,
      body: { intoId: keptId },
    });
    expect(res.statusCode).toBe(200);
    // The page names who said it as they are now (see PublicSiteReadModel): the kept speaker, linked directly.
    const link = `${BASE}${path}`;
    await eventually(async () => (await get(`/fact-checks/${gone.slug}`)).body.includes(link), {
      timeout: 1_000,
      interval: 10,
    });
    const moved = await get(speakerPath('Merged Away', goneId));
    expect(moved.statusCode).toBe(301);
    expect(moved.headers.location).toBe(`${BASE}${path}`);
    await eventually(async () => headlines(await html(path)).includes('Check of a merged speaker'), {
      timeout: 1_000,
      interval: 10,
    });
  });

  it('answer 404 for an unknown speaker, a speaker with no fact-checks or a page past the end', async () => {
    const quiet = await h.data.speaker('Nobody Checked');
    for (const url of [
      '/speakers/nobody-00000000',
      '/speakers/not-a-slug',
      '/speakers/%3Cscript%3E',
      speakerPath(quiet.name, quiet.id),
      `${path}?page=2`,
    ])
      expect({ url, status: (await get(url)).statusCode }).toEqual({ url, status: 404 });
  });
});

describe('escaping', () => {
  it('shows a hostile speaker name and search query as text on the index and the speaker page', async () => {
    const name = `Evil <script>alert(1)</script> "quoted" & 'single' <img src=x onerror=alert(2)>`;
    const fc = await h.data.publishedFactCheck({ speaker: name, headline: 'Hostile speaker check' });
    const page = await html(speakerPath(name, await speakerId(fc.slug)));
    const index = await html('/fact-checks');
    const search = await html(
      `/fact-checks?q=${encodeURIComponent('"><script>alert(3)</script><svg onload=alert(4)>')}`,
    );
    for (const body of [page, index, search]) {
      expect(body).not.toMatch(/<script(?! type="application\/ld\+json")/);
      // Element starts only (the escaped payload still reads `onerror=` as text).
      expect(body).not.toMatch(/<img\b|<svg onload/);
    }
    expect(page).toContain('<h1>Evil &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;');
    expect(search).toContain('value="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;&lt;svg onload=alert(4)&gt;"');
    await expectValidHtml(page);
    await expectValidHtml(search);
  });
});

describe('the index page', () => {
  it('is valid HTML with a labelled search form, share tags and a canonical link', async () => {
    const body = await html('/fact-checks');
    expect(body).toContain(
      '<form class="search" method="get" action="https://factcheck.example.org/fact-checks" role="search"',
    );
    expect(body).toContain(`<link rel="canonical" href="${BASE}/fact-checks">`);
    expect(body).toContain('<meta property="og:type" content="website">');
    expect(body).toContain('<meta property="og:title" content="Fact-checks | Example Fact Check">');
    expect(body).not.toContain('noindex');
    await expectValidHtml(body);
  });
});

describe('sitemap and robots.txt', () => {
  it('/sitemap.xml lists the index, every fact-check and speaker page with lastmod, and the text pages', async () => {
    const fc = await h.data.publishedFactCheck({ speaker: 'Sitemap Speaker', headline: 'In the sitemap' });
    await setPublished(fc.slug, '2031-06-01T08:00:00Z');
    await h.data.changeFactCheck(fc.id, { kind: 'correction', note: 'Fixed.', conclusion: 'Fixed conclusion.' });
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const urls: { loc: string; lastmod?: string }[] = new XMLParser().parse(res.body).urlset.url;
    const byLoc = new Map(urls.map((u) => [u.loc, u.lastmod]));
    expect(byLoc.has(`${BASE}/fact-checks`)).toBe(true);
    expect(byLoc.has(`${BASE}/methodology`)).toBe(true);
    const corrected = byLoc.get(`${BASE}/fact-checks/${fc.slug}`)!;
    // The last public change: here the correction, made after the (back-dated) publication.
    const correctionAt = (
      await h.db.query('SELECT max(created_at) AS at FROM corrections WHERE fact_check_id = $1', [fc.id])
    )[0].at;
    expect(new Date(corrected).getTime()).toBe(
      Math.max(new Date(correctionAt).getTime(), Date.parse('2031-06-01T08:00:00Z')),
    );
    expect(byLoc.get(`${BASE}${speakerPath('Sitemap Speaker', await speakerId(fc.slug))}`)).toBe(
      '2031-06-01T08:00:00.000Z',
    );
  });

  it('/robots.txt allows the site, keeps crawlers out of the API and admin, and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toBe(
      `User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /admin\n\nSitemap: ${BASE}/sitemap.xml\n`,
    );
  });
});

describe('the cache', () => {
  it('drops the index, searches, speaker pages and the sitemap when something is published', async () => {
    const first = await h.data.publishedFactCheck({ speaker: 'Cache Speaker', headline: 'Walrus first' });
    const path = speakerPath('Cache Speaker', await speakerId(first.slug));
    const urls = ['/fact-checks', '/fact-checks?q=walrus', path, '/sitemap.xml'];
    for (const url of urls) await get(url); // warm the cache
    for (const url of urls) await get(url);
    const next = await desk.publish({ speaker: 'Cache Speaker', headline: 'Walrus second', text: 'Walruses can fly.' });
    for (const url of urls)
      await eventually(
        async () => (await get(url)).body.includes(url === '/sitemap.xml' ? next.slug : 'Walrus second'),
        {
          timeout: 1_000,
          interval: 10,
          message: () => `${url} shows the new fact-check within a second`,
        },
      );
  });
});
