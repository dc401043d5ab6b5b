import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { roleAllowed, verdictProblems, type VerdictDto } from '@factdesk/domain';
import { CommentEntity, RatingEntity, VerdictEntity, VerdictSourceEntity, type UserEntity } from '@factdesk/persistence';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../collaboration/notifications.service.js';
import { httpError } from '../common/errors.js';
import { excerpt, toSourceDto, toVerdictDto } from '../editorial/views.js';
import { WorkflowService, type LockedClaim } from '../workflow/workflow.service.js';
import type { SaveVerdictDto, VerdictContentDto } from './dto.js';

@Injectable()
export class VerdictsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflow: WorkflowService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async load(m: EntityManager, claimId: string, lock = false): Promise<{ verdict: VerdictEntity; sources: VerdictSourceEntity[] } | null> {
    const verdict = await m.getRepository(VerdictEntity).findOne({ where: { claimId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!verdict) return null;
    const [full, sources] = await Promise.all([
      m.getRepository(VerdictEntity).findOneOrFail({ where: { id: verdict.id }, relations: { rating: true, author: true, approvedBy: true } }),
      m.getRepository(VerdictSourceEntity).find({ where: { verdictId: verdict.id }, order: { position: 'ASC' } }),
    ]);
    return { verdict: full, sources };
  }

  async get(claimId: string): Promise<VerdictDto> {
    const found = await this.load(this.db.manager, claimId);
    if (!found) throw new NotFoundException('This claim has no verdict yet.');
    return toVerdictDto(found.verdict, found.sources);
  }

  /** Applies content changes to a verdict and replaces its sources; bumps its version. */
  async applyContent(m: EntityManager, verdict: VerdictEntity, input: VerdictContentDto): Promise<void> {
    if (input.ratingId) {
      const rating = await m.getRepository(RatingEntity).findOneBy({ id: input.ratingId });
      if (!rating) throw httpError(400, 'Invalid request: ratingId is not a rating on the scale', { fields: [{ field: 'ratingId', message: 'is not a rating on the scale' }] });
      if (!rating.active && rating.id !== verdict.ratingId) throw new ConflictException(`The rating “${rating.label}” is retired and cannot be chosen.`);
    }
    if (input.ratingId !== undefined) verdict.ratingId = input.ratingId;
    if (input.headline !== undefined) verdict.headline = input.headline;
    if (input.conclusion !== undefined) verdict.conclusion = input.conclusion;
    if (input.analysis !== undefined) verdict.analysis = input.analysis;
    verdict.version = (verdict.version ?? 0) + 1;
    // Relations loaded earlier would override the new rating id on save.
    const { rating: _r, author: _a, approvedBy: _b, claim: _c, ...columns } = verdict;
    const saved = await m.getRepository(VerdictEntity).save(columns as VerdictEntity);
    Object.assign(verdict, { id: saved.id, version: saved.version });
    if (input.sources) {
      const sources = m.getRepository(VerdictSourceEntity);
      await sources.delete({ verdictId: verdict.id });
      if (input.sources.length) {
        await sources.insert(input.sources.map((s, position) => sources.create({ verdictId: verdict.id, position, url: s.url, title: s.title ?? '', publisher: s.publisher ?? null, publishedOn: s.publishedOn?.slice(0, 10) ?? null, quote: s.quote ?? null, kind: s.kind })));
      }
    }
  }

  /**
   * Saves a draft. The request names the version it was edited from: if someone saved in between,
   * nothing is written and the answer (409) carries the current version to reapply the edit onto.
   */
  async save(claimId: string, input: SaveVerdictDto, user: UserEntity, requestId: string): Promise<VerdictDto> {
    await this.db.transaction(async (m) => {
      const locked = await this.workflow.lock(m, claimId);
      const { claim, assignment } = locked;
      const isEditor = roleAllowed(user.role, ['editor']);
      if (!isEditor && assignment?.assigneeId !== user.id) throw new ForbiddenException('Only the person this claim is assigned to, or an editor, can edit its verdict.');
      const editable = isEditor ? ['assigned', 'in_progress', 'changes_requested', 'in_review'] : ['assigned', 'in_progress', 'changes_requested'];
      if (!editable.includes(claim.state)) {
        throw new ConflictException(
          claim.state === 'in_review' ? 'The verdict is in review; an editor can edit it, or send it back for changes.' : `The verdict cannot be edited while the claim is ${claim.state.replace('_', ' ')}.`,
        );
      }
      const existing = await this.load(m, claimId, true);
      if ((existing?.verdict.version ?? 0) !== input.version) {
        throw httpError(409, existing ? `Someone saved this verdict since you opened it (version ${existing.verdict.version}, yours was ${input.version}). Nothing was overwritten: reapply your change to the current version.` : 'This verdict does not exist yet: save it with version 0.', {
          current: existing ? toVerdictDto(existing.verdict, existing.sources) : null,
        });
      }
      const verdict = existing?.verdict ?? m.getRepository(VerdictEntity).create({ claimId, authorId: user.id, state: 'draft' });
      // The verdict belongs to whoever is working the claim; an editor's copy-edit does not take it over.
      if (assignment?.assigneeId === user.id) verdict.authorId = user.id;
      const before = existing ? snapshotOf(existing.verdict, existing.sources) : null;
      await this.applyContent(m, verdict, input);
      const after = await this.load(m, claimId);
      await this.audit.record({ actorId: user.id, action: existing ? 'verdict.save' : 'verdict.create', entityType: 'verdict', entityId: verdict.id, claimId, before, after: snapshotOf(after!.verdict, after!.sources), requestId }, m);
      // Working on an assigned claim, or one sent back, puts it in progress.
      if (claim.state === 'assigned' || claim.state === 'changes_requested') await this.workflow.apply(m, locked, { action: 'start', actor: user, requestId });
    });
    return this.get(claimId);
  }

  private async requireVerdict(m: EntityManager, claimId: string): Promise<VerdictEntity> {
    const found = await this.load(m, claimId, true);
    if (!found) throw new ConflictException('Draft a verdict before submitting it.');
    return found.verdict;
  }

  async submit(claimId: string, user: UserEntity, requestId: string): Promise<VerdictDto> {
    await this.workflow.transition(claimId, {
      action: 'submit',
      actor: user,
      requestId,
      effect: async (m, { claim }: LockedClaim) => {
        const verdict = await this.requireVerdict(m, claimId);
        await m.getRepository(VerdictEntity).update({ id: verdict.id }, { state: 'submitted', submittedAt: new Date() });
        await this.notifications.notify(m, { userIds: await this.notifications.editorIds(m), kind: 'submitted', message: `${user.name} submitted a verdict for review: “${excerpt(claim.text)}”`, claimId, actorId: user.id });
      },
    });
    return this.get(claimId);
  }

  /** Approval needs a complete verdict: rating, conclusion, sources with web addresses, one primary. */
  async approve(claimId: string, user: UserEntity, requestId: string): Promise<VerdictDto> {
    await this.workflow.transition(claimId, {
      action: 'approve',
      actor: user,
      requestId,
      effect: async (m, { claim }) => {
        const found = (await this.load(m, claimId, true))!;
        const problems = verdictProblems({ ...found.verdict, sources: found.sources.map(toSourceDto) });
        if (problems.length) throw httpError(409, `The verdict is not complete: ${problems.join(' ')}`, { problems });
        await m.getRepository(VerdictEntity).update({ id: found.verdict.id }, { state: 'approved', approvedById: user.id, approvedAt: new Date() });
        await this.notifications.notify(m, { userIds: [found.verdict.authorId], kind: 'approved', message: `${user.name} approved your verdict on “${excerpt(claim.text)}”`, claimId, actorId: user.id });
      },
    });
    return this.get(claimId);
  }

  async requestChanges(claimId: string, comment: string, user: UserEntity, requestId: string): Promise<VerdictDto> {
    await this.workflow.transition(claimId, {
      action: 'request_changes',
      actor: user,
      input: { comment },
      requestId,
      effect: async (m, { claim }) => {
        const verdict = await this.requireVerdict(m, claimId);
        await m.getRepository(VerdictEntity).update({ id: verdict.id }, { state: 'changes_requested', approvedById: null, approvedAt: null });
        const comments = m.getRepository(CommentEntity);
        const saved = await comments.save(comments.create({ claimId, authorId: user.id, body: comment, verdictVersion: verdict.version }));
        await this.audit.record({ actorId: user.id, action: 'comment.create', entityType: 'comment', entityId: saved.id, claimId, after: { body: comment, verdictVersion: verdict.version }, requestId }, m);
        await this.notifications.notify(m, { userIds: [verdict.authorId], kind: 'changes_requested', message: `${user.name} asked for changes to your verdict on “${excerpt(claim.text)}”: ${excerpt(comment)}`, claimId, actorId: user.id });
      },
    });
    return this.get(claimId);
  }
}

/** What an audit event records of a verdict. */
export function snapshotOf(v: VerdictEntity, sources: VerdictSourceEntity[]): Record<string, unknown> {
  return { version: v.version, ratingId: v.ratingId, headline: v.headline, conclusion: v.conclusion, analysis: v.analysis, sources: sources.map(toSourceDto).map(({ id: _id, ...s }) => s) };
}
