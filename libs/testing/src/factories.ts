// Test data factories (~320 lines): one object so a test's `h.data` offers every kind of row with one import, and
// each factory can call the others (a fact-check makes its claim, verdict, editor and rating).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_RATING_SCALE,
  type ClaimState,
  type ClaimType,
  type DocumentFormat,
  type FactCheckSnapshot,
  type MonitoredSourceKind,
  type Role,
  type SpeakerKind,
} from '@factdesk/domain';
import {
  ClaimEntity,
  CorrectionEntity,
  DocumentEntity,
  DocumentSentencesEntity,
  FactCheckEntity,
  FactCheckVersionEntity,
  MonitoredSourceEntity,
  RatingEntity,
  SourceItemEntity,
  SpeakerEntity,
  UserEntity,
  WebhookEntity,
} from '@factdesk/persistence';
import { newWebhookSecret, sealWebhookSecret, WEBHOOK_EVENTS } from '@factdesk/publishing';

let counter = 0;
const next = () => `${++counter}-${randomBytes(3).toString('hex')}`;
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
/** Overrides without their undefined keys, so `{ text: undefined }` keeps the default text. */
const given = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** What a document is made of, as the API stores each kind of submission. */
export type DocumentContent =
  | { text: string; format?: 'text' | 'markdown' }
  | { url: string }
  | { file: { name: string; bytes: Buffer; contentType: string; format: DocumentFormat } };

export interface PublishedFactCheck {
  claim: ClaimEntity;
  factCheck: FactCheckEntity;
  id: string;
  slug: string;
}

/**
 * Rows for tests to start from, written straight to the database: each call makes what it needs
 * (a claim its speaker, a fact-check its editor and rating) so no test depends on another's data.
 * What a route or a job does is tested through the route or the job; these only set the scene.
 */
export function factories(db: DataSource) {
  const f = {
    /** A user who never signs in unless given a hash (the API harness hashes a password). */
    async user(
      o: Partial<Pick<UserEntity, 'email' | 'name' | 'role' | 'passwordHash' | 'active'>> & { role?: Role } = {},
    ): Promise<UserEntity> {
      const n = next();
      const role = o.role ?? 'editor';
      const repo = db.getRepository(UserEntity);
      return repo.save(
        repo.create({
          email: o.email ?? `${role}-${n}@test.factdesk`,
          name: o.name ?? `Test ${role} ${n}`,
          role,
          passwordHash: o.passwordHash ?? '!', // no password verifies against it
          active: o.active ?? true,
        }),
      );
    },

    /** The speaker of that name, made if there is none. */
    async speaker(
      name = `Speaker ${next()}`,
      o: { kind?: SpeakerKind; aliases?: string[]; sameAs?: string[] } = {},
    ): Promise<SpeakerEntity> {
      const repo = db.getRepository(SpeakerEntity);
      return (
        (await repo.findOneBy({ name })) ??
        repo.save(repo.create({ name, kind: o.kind ?? 'person', aliases: o.aliases ?? [], sameAs: o.sameAs ?? [] }))
      );
    },

    /** A document row as the API stores it (content hash included), `queued` with no job unless told. */
    async document(content: DocumentContent, o: Partial<DocumentEntity> = {}): Promise<DocumentEntity> {
      const repo = db.getRepository(DocumentEntity);
      const stored =
        'text' in content
          ? { format: content.format ?? 'text', originalText: content.text, contentHash: sha256(content.text) }
          : 'url' in content
            ? { format: 'url' as const, sourceUrl: content.url, contentHash: sha256(`url:${content.url}`) }
            : {
                format: content.file.format,
                raw: content.file.bytes,
                rawFileName: content.file.name,
                rawContentType: content.file.contentType,
                contentHash: sha256(content.file.bytes),
              };
      const { id } = await repo.save(
        repo.create({ status: 'queued', ...stored, ...given(o) } as Partial<DocumentEntity>),
      );
      return repo.findOneByOrFail({ id });
    },

    /**
     * A `done` document as detection leaves it: its text (the sentences, one a line), every sentence's score
     * stored, and a claim for each sentence at or above `threshold` (the detector's, `detected`).
     */
    async detectedDocument(
      sentences: { text: string; score: number; speaker?: string; type?: ClaimType }[],
      threshold = 0.5,
    ): Promise<{ document: DocumentEntity; spans: { start: number; end: number }[] }> {
      let text = '';
      const spans = sentences.map((s) => {
        if (text) text += '\n';
        const start = text.length;
        text += s.text;
        return { start, end: text.length };
      });
      const document = await f.document({ text: `${text}\n${next()}` }, { status: 'done', progress: 100 });
      const speakers = [...new Set(sentences.map((s) => s.speaker).filter((n): n is string => !!n))];
      await db.getRepository(DocumentSentencesEntity).save({
        documentId: document.id,
        threshold,
        detectedThreshold: threshold,
        speakers,
        starts: spans.map((s) => s.start),
        ends: spans.map((s) => s.end),
        scores: sentences.map((s) => s.score),
        speakerIndexes: sentences.map((s) => (s.speaker ? speakers.indexOf(s.speaker) : null)),
        claimTypes: sentences.map((s) => s.type ?? 'other'),
      });
      for (const [i, s] of sentences.entries())
        if (s.score >= threshold)
          await f.claim({
            documentId: document.id,
            text: s.text,
            startOffset: spans[i].start,
            endOffset: spans[i].end,
            score: s.score,
            claimType: s.type ?? 'other',
            speaker: s.speaker,
          });
      return { document, spans };
    },

    /** A claim; `speaker` is a name (made if new). */
    async claim(
      o: Partial<Omit<ClaimEntity, 'speaker'>> & { speaker?: string; state?: ClaimState } = {},
    ): Promise<ClaimEntity> {
      const { speaker, ...rest } = o;
      const repo = db.getRepository(ClaimEntity);
      return repo.save(
        repo.create({
          text: `Unemployment fell by ${next()} percent last year.`,
          score: 0.9,
          checkworthy: true,
          claimType: 'quantity',
          speakerId: speaker ? (await f.speaker(speaker)).id : null,
          ...given(rest),
        }),
      );
    },

    /** A monitored source, paused unless told, so no schedule polls it behind the test's back. */
    async source(o: Partial<MonitoredSourceEntity> & { kind?: MonitoredSourceKind } = {}) {
      const repo = db.getRepository(MonitoredSourceEntity);
      return repo.save(
        repo.create({
          name: `Source ${next()}`,
          url: 'https://news.example.org/feed.xml',
          kind: 'feed',
          enabled: false,
          ...given(o),
        }),
      );
    },

    async sourceItem(o: Partial<SourceItemEntity> & { sourceId: string }) {
      const repo = db.getRepository(SourceItemEntity);
      const n = next();
      return repo.save(repo.create({ itemKey: `item-${n}`, url: `https://news.example.org/items/${n}`, ...given(o) }));
    },

    /** The default rating scale, stored once; the ratings in order. */
    async ratings(): Promise<RatingEntity[]> {
      const repo = db.getRepository(RatingEntity);
      if ((await repo.count()) === 0)
        await repo.insert(DEFAULT_RATING_SCALE.map((r, position) => repo.create({ ...r, position })));
      return repo.find({ order: { position: 'ASC' } });
    },

    /**
     * A published fact-check as the publishing transaction leaves it: the claim, the fact-check and its
     * first version's snapshot (what readers and webhooks see). The database's trigger writes the outbox row.
     */
    async publishedFactCheck(
      o: {
        text?: string;
        /** A name, or null for a claim no one is named for. */
        speaker?: string | null;
        rating?: string;
        headline?: string;
        conclusion?: string;
        analysis?: string;
        publishedById?: string;
      } = {},
    ): Promise<PublishedFactCheck> {
      const rating = (await f.ratings()).find((r) => r.slug === (o.rating ?? 'false'))!;
      const speaker = o.speaker === null ? null : await f.speaker(o.speaker ?? 'Jane Minister');
      const editorId = o.publishedById ?? (await f.user({ role: 'editor' })).id;
      const claim = await f.claim({ text: o.text, speakerId: speaker?.id ?? null, state: 'published' });
      const headline = o.headline ?? claim.text;
      const snapshot: FactCheckSnapshot = {
        claim: {
          id: claim.id,
          text: claim.text,
          saidAt: null,
          saidWhereUrl: null,
          documentTitle: null,
          documentUrl: null,
          outlet: null,
        },
        speaker: speaker && { id: speaker.id, name: speaker.name, kind: speaker.kind, sameAs: speaker.sameAs },
        rating: { id: rating.id, slug: rating.slug, label: rating.label, value: rating.value, colour: rating.colour },
        headline,
        conclusion: o.conclusion ?? 'The official figures show a rise.',
        analysis: o.analysis ?? 'The statistics office reports a rise.',
        sources: [],
        authors: [],
      };
      const factCheck = await db.transaction(async (m) => {
        const fc = await m.getRepository(FactCheckEntity).save(
          m.getRepository(FactCheckEntity).create({
            claimId: claim.id,
            slug: `${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(4).toString('hex')}`,
            state: 'published',
            currentVersion: 1,
            speakerId: speaker?.id ?? null,
            ratingId: rating.id,
            publishedAt: new Date(),
            publishedById: editorId,
          }),
        );
        await m.getRepository(FactCheckVersionEntity).insert({
          factCheckId: fc.id,
          version: 1,
          verdictVersion: 1,
          snapshot: snapshot as never,
          createdById: editorId,
        });
        return fc;
      });
      return { claim, factCheck, id: factCheck.id, slug: factCheck.slug };
    },

    /** A correction (a new version with a note) or a retraction, in one transaction as the API makes them. */
    async changeFactCheck(
      id: string,
      change: { kind: 'correction'; note: string; conclusion?: string } | { kind: 'retraction'; note: string },
    ): Promise<void> {
      await db.transaction(async (m: EntityManager) => {
        const fc = await m.getRepository(FactCheckEntity).findOneByOrFail({ id });
        const version = change.kind === 'correction' ? fc.currentVersion + 1 : fc.currentVersion;
        if (change.kind === 'correction') {
          const last = await m
            .getRepository(FactCheckVersionEntity)
            .findOneByOrFail({ factCheckId: id, version: fc.currentVersion });
          const snapshot = { ...(last.snapshot as unknown as FactCheckSnapshot) };
          if (change.conclusion) snapshot.conclusion = change.conclusion;
          await m.getRepository(FactCheckVersionEntity).insert({
            factCheckId: id,
            version,
            verdictVersion: last.verdictVersion + 1,
            snapshot: snapshot as never,
            createdById: fc.publishedById,
          });
        }
        await m
          .getRepository(CorrectionEntity)
          .insert({ factCheckId: id, kind: change.kind, note: change.note, version, createdById: fc.publishedById });
        await m
          .getRepository(FactCheckEntity)
          .update(
            { id },
            change.kind === 'correction'
              ? { state: 'corrected', currentVersion: version }
              : { state: 'retracted', retractedAt: new Date() },
          );
      });
    },

    /** A webhook row with its secret sealed as the API seals it; the plain secret for verifying signatures. */
    async webhook(
      sessionSecret: string,
      o: { url: string; events?: string[]; active?: boolean; description?: string; createdById?: string },
    ): Promise<{ id: string; secret: string }> {
      const id = randomUUID();
      const secret = newWebhookSecret();
      await db.getRepository(WebhookEntity).insert({
        id,
        url: o.url,
        description: o.description ?? '',
        events: o.events ?? [...WEBHOOK_EVENTS],
        secret: sealWebhookSecret(secret, id, sessionSecret),
        active: o.active ?? true,
        createdById: o.createdById ?? (await f.user({ role: 'admin' })).id,
      });
      return { id, secret };
    },
  };
  return f;
}

export type Factories = ReturnType<typeof factories>;
