import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '@factdesk/testing';
import { ClaimMatchesRepository, createDataSource } from '@factdesk/persistence';
import { linkClaimMatches, rankSimilarClaims } from '../src/index.js';

let database: TestDatabase;
let db: DataSource;
let matches: ClaimMatchesRepository;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDataSource({ databaseUrl: database.url, poolSize: 2, applicationName: 'claim-matching-spec' });
  await db.initialize();
  matches = new ClaimMatchesRepository(db);
  [{ id: userId }] = await db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ('m@example.org', 'M', 'editor', 'x') RETURNING id`,
  );
});
afterAll(async () => {
  await db.destroy();
  await database.drop();
});

async function document(text: string): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO documents (format, original_text, content_hash, status) VALUES ('text', $1, $2, 'done') RETURNING id`,
    [text, createHash('sha256').update(text).digest('hex')],
  );
  return id;
}

async function claim(text: string, documentId: string | null = null): Promise<string> {
  const [{ id }] = await db.query(
    `INSERT INTO claims (text, document_id, state) VALUES ($1, $2, 'detected') RETURNING id`,
    [text, documentId],
  );
  return id;
}

/** A published fact-check of a claim, headlined as a newsroom would (the headline is in the version snapshot). */
async function factCheck(claimId: string, headline: string, state = 'published'): Promise<void> {
  const [{ id }] = await db.query(
    `INSERT INTO fact_checks (claim_id, slug, state, published_at, published_by_id) VALUES ($1, $2, $3, now(), $4) RETURNING id`,
    [claimId, `fc-${claimId}`, state, userId],
  );
  await db.query(
    `INSERT INTO fact_check_versions (fact_check_id, version, verdict_version, snapshot, created_by_id) VALUES ($1, 1, 1, $2, $3)`,
    [id, { headline }, userId],
  );
}

const links = (claimId: string): Promise<{ kind: string; matched_claim_id: string; similarity: number }[]> =>
  db.query(
    `SELECT kind, matched_claim_id, similarity FROM claim_matches WHERE claim_id = $1 ORDER BY similarity DESC`,
    [claimId],
  );

describe('claim matching against the real database', () => {
  let checked: string;
  let duplicate: string;
  let unrelated: string;
  let retracted: string;

  beforeAll(async () => {
    // Some other claims, checked and not, so that the one that matters has to be found among them.
    const filler = [
      'Unemployment fell to 3.2 percent last year, the ministry said.',
      'The new bridge over the river cost twice as much as planned.',
      'Wheat exports grew by 40 percent in 2021 according to the minister.',
      'The city has planted ten thousand trees since 2015.',
      'Crime in the capital has doubled in the last five years.',
    ];
    const earlier = await document('An earlier article.');
    for (const text of filler) await factCheck(await claim(text, earlier), text.replace(/\.$/, '?'));

    checked = await claim('NATO carried out five expansion waves while proclaiming it is a defensive alliance.');
    await factCheck(checked, 'Did NATO expand in five waves while calling itself a defensive alliance?');
    duplicate = await claim(
      'Instead NATO carried out five expansion waves, all while proclaiming it is a defensive alliance',
      await document('Another outlet.'),
    );
    unrelated = await claim('NATO spends more on defence than Russia and China combined.', earlier);
    await factCheck(unrelated, 'Does NATO outspend Russia and China combined?');
    retracted = await claim(
      'Grain exports through the Black Sea corridor reached 33 million tonnes last year.',
      earlier,
    );
    await factCheck(retracted, 'Black Sea grain exports reached 33 million tonnes', 'retracted');
  });

  it('links a new claim to the published fact-check of the same claim and to its near-duplicate, not to an unrelated claim', async () => {
    const doc = await document(
      'Lavrov: Instead, NATO carried out five expansion waves all while proclaiming that it is a defensive alliance. The weather was pleasant.',
    );
    const said = await claim(
      'Instead, NATO carried out five expansion waves all while proclaiming that it is a defensive alliance.',
      doc,
    );
    const weather = await claim('The weather was pleasant that afternoon.', doc);

    const first = await linkClaimMatches(matches, [said, weather]);
    expect(first.inserted).toBe(2);
    // Every claim's ranking comes back with the words of each match, for the repeat rules.
    const saidLinks = first.links.find((l) => l.claimId === said)!;
    expect(saidLinks.matches.map((m) => m.claimId).sort()).toEqual([checked, duplicate].sort());
    expect(saidLinks.matches.find((m) => m.claimId === checked)).toMatchObject({ hasFactCheck: true });
    expect(saidLinks.matches.every((m) => m.text.length > 0)).toBe(true);
    expect(first.links.find((l) => l.claimId === weather)!.matches).toEqual([]);
    const found = await links(said);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'fact_check', matched_claim_id: checked }),
        expect.objectContaining({ kind: 'near_duplicate', matched_claim_id: duplicate }),
      ]),
    );
    expect(found.map((l) => l.matched_claim_id)).not.toContain(unrelated);
    for (const l of found) expect(l.similarity).toBeGreaterThan(0.5);
    expect(await links(weather)).toEqual([]);
    // Idempotent: the same links, none added.
    expect((await linkClaimMatches(matches, [said, weather])).inserted).toBe(0);
    expect(await links(said)).toEqual(found);
  });

  it('ranks a fact-check first when the new claim is worded like its headline rather than its claim', async () => {
    const photo = await claim('Photograph shows sharks swimming on a flooded highway.', null);
    await factCheck(photo, 'Did sharks swim down a Houston freeway after Hurricane Harvey?');
    const ranked = await rankSimilarClaims(
      matches,
      'Sharks are swimming down the freeway in Houston after Hurricane Harvey!',
      { minSimilarity: 0 },
    );
    expect(ranked[0]).toMatchObject({ claimId: photo, hasFactCheck: true });
  });

  it('does not count a retracted fact-check as checked before', async () => {
    const ranked = await rankSimilarClaims(
      matches,
      'Grain exports through the Black Sea corridor reached 33 million tonnes last year.',
      { minSimilarity: 0 },
    );
    expect(ranked[0]).toMatchObject({ claimId: retracted, hasFactCheck: false });
  });

  it('leaves out the claim itself and claims of the same document', async () => {
    const doc = await document('Two sentences that say the same.');
    const a = await claim('The city has planted ten thousand new trees since 2015.', doc);
    const b = await claim('Since 2015 the city has planted ten thousand new trees.', doc);
    const ranked = await rankSimilarClaims(matches, 'The city has planted ten thousand new trees since 2015.', {
      excludeClaimId: a,
      excludeDocumentId: doc,
      minSimilarity: 0,
    });
    expect(ranked.map((r) => r.claimId)).not.toContain(a);
    expect(ranked.map((r) => r.claimId)).not.toContain(b);
    expect(ranked.length).toBeGreaterThan(0);
  });
});
