import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  decideVerdictEdit,
  roleAllowed,
  staleVerdict,
  VERDICT_DRAFT_LIMITS,
  verdictProblems,
  type VerdictDraftDto,
  type VerdictDto,
  type VerdictVersionContent,
  type VerdictVersionDto,
} from '@factdesk/domain';
import {
  CollaborationRepository,
  VerdictDraftsRepository,
  VerdictsRepository,
  type LoadedVerdict,
  type UserEntity,
  type VerdictDraftEntity,
  type VerdictEntity,
} from '@factdesk/persistence';
import { NotificationsService } from '../collaboration/notifications.service.js';
import { httpError } from '../common/errors.js';
import { excerpt, person, toSourceDto, toVerdictDto } from '../common/views.js';
import { WorkflowService, type LockedClaim } from '../workflow/workflow.service.js';
import type { PutDraftDto, SaveVerdictDto, VerdictContentDto } from './dto.js';

const toDraftDto = (d: VerdictDraftEntity): VerdictDraftDto => ({
  claimId: d.claimId,
  baseVersion: d.baseVersion,
  base: d.base,
  content: d.content,
  savedAt: d.updatedAt.toISOString(),
});

const EMPTY_CONTENT: VerdictVersionContent = {
  ratingId: null,
  headline: '',
  conclusion: '',
  analysis: '',
  sources: [],
};

@Injectable()
export class VerdictsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly workflow: WorkflowService,
    private readonly notifications: NotificationsService,
    private readonly verdicts: VerdictsRepository,
    private readonly collaboration: CollaborationRepository,
    private readonly drafts: VerdictDraftsRepository,
  ) {}

  load(m: EntityManager, claimId: string, lock = false): Promise<LoadedVerdict | null> {
    return this.verdicts.load(m, claimId, lock);
  }

  async get(claimId: string): Promise<VerdictDto> {
    const found = await this.load(this.db.manager, claimId);
    if (!found) throw new NotFoundException('This claim has no verdict yet.');
    return toVerdictDto(found.verdict, found.sources, found.current);
  }

  /** Every kept version of the claim's verdict, oldest first, each with the requests for changes made on it (404 without a verdict). */
  async versions(claimId: string): Promise<VerdictVersionDto[]> {
    const rows = await this.verdicts.versions(claimId);
    if (!rows.length && !(await this.load(this.db.manager, claimId)))
      throw new NotFoundException('This claim has no verdict yet.');
    const [scale, requests] = await Promise.all([this.verdicts.ratings(), this.collaboration.reviewComments(claimId)]);
    const ratings = new Map(scale.map((r) => [r.id, r.label]));
    return rows.map((v) => ({
      version: v.version,
      kind: v.kind,
      // Versions kept before verdictContentOf wrote every field may lack one a first save left out.
      content: { ...EMPTY_CONTENT, ...v.content },
      rating: v.content.ratingId ? (ratings.get(v.content.ratingId) ?? null) : null,
      author: person(v.author),
      createdAt: v.createdAt.toISOString(),
      sentBack: requests
        .filter((c) => c.verdictVersion === v.version)
        .map((c) => ({ by: person(c.author), at: c.createdAt.toISOString(), comment: c.body })),
    }));
  }

  /** A correction's content changes: replaces the sources if given, bumps the version, which is the editor's. */
  async applyCorrection(m: EntityManager, verdict: VerdictEntity, input: VerdictContentDto, by: UserEntity) {
    await this.checkContent(m, verdict, input);
    await this.verdicts.writeContent(m, verdict, input, { authorId: by.id, kind: 'correction' });
  }

  /** The rating chosen must be on the scale, and not retired unless the verdict already has it. */
  private async checkContent(m: EntityManager, verdict: VerdictEntity, input: VerdictContentDto): Promise<void> {
    if (input.ratingId) {
      const rating = await this.verdicts.rating(m, input.ratingId);
      if (!rating)
        throw httpError(400, 'Invalid request: ratingId is not a rating on the scale', {
          fields: [{ field: 'ratingId', message: 'is not a rating on the scale' }],
        });
      if (!rating.active && rating.id !== verdict.ratingId)
        throw new ConflictException(`The rating “${rating.label}” is retired and cannot be chosen.`);
    }
  }

  /** Inside publishing's transition: the verdict is published with its fact-check. */
  markPublished(m: EntityManager, verdictId: string): Promise<void> {
    return this.verdicts.markPublished(m, verdictId);
  }

  /**
   * Saves a draft. The request names the version it was edited from: if someone saved in between,
   * nothing is written and the answer (409) carries the current version to reapply the edit onto.
   */
  async save(claimId: string, input: SaveVerdictDto, user: UserEntity, requestId: string): Promise<VerdictDto> {
    await this.db.transaction(async (m) => {
      const locked = await this.lockEditable(m, claimId, user);
      const { claim, assignment } = locked;
      const existing = await this.load(m, claimId, true);
      if ((existing?.verdict.version ?? 0) !== input.version) {
        throw httpError(
          409,
          existing
            ? `Someone saved this verdict since you opened it (version ${existing.verdict.version}, yours was ${input.version}). Nothing was overwritten: reapply your change to the current version.`
            : 'This verdict does not exist yet: save it with version 0.',
          {
            current: existing ? toVerdictDto(existing.verdict, existing.sources, existing.current) : null,
          },
        );
      }
      const verdict = existing?.verdict ?? this.verdicts.draft(claimId, user.id);
      // The verdict belongs to whoever is working the claim; an editor's copy-edit does not take it over.
      if (assignment?.assigneeId === user.id) verdict.authorId = user.id;
      await this.checkContent(m, verdict, input);
      await this.verdicts.save(
        m,
        { claimId, verdict, before: existing, content: input },
        { actorId: user.id, requestId },
      );
      // What was typed is now the verdict: the autosaved copy has done its job.
      await this.drafts.delete(claimId, user.id, m);
      // Working on an assigned claim, or one sent back, puts it in progress.
      if (claim.state === 'assigned' || claim.state === 'changes_requested')
        await this.workflow.apply(m, locked, { action: 'start', actor: user, requestId });
    });
    return this.get(claimId);
  }

  /** Locks the claim; refuses (with the rule's status) when this person may not edit its verdict now. */
  private async lockEditable(m: EntityManager, claimId: string, user: UserEntity): Promise<LockedClaim> {
    const locked = await this.workflow.lock(m, claimId);
    const editable = decideVerdictEdit({
      state: locked.claim.state,
      isEditor: roleAllowed(user.role, ['editor']),
      isAssignee: locked.assignment?.assigneeId === user.id,
    });
    if (!editable.ok) throw httpError(editable.status, editable.message);
    return locked;
  }

  private async requireVerdict(m: EntityManager, claimId: string): Promise<VerdictEntity> {
    const found = await this.load(m, claimId, true);
    if (!found) throw new ConflictException('Draft a verdict before submitting it.');
    return found.verdict;
  }

  /**
   * Submit and approve act on the version the person saw (409 with the current one otherwise) and on a
   * complete verdict (409 with what is missing): one rule for both, from libs/domain.
   */
  private async checkReady(
    m: EntityManager,
    claimId: string,
    action: 'submit' | 'approve',
    seen: number | undefined,
  ): Promise<VerdictEntity> {
    const found = await this.load(m, claimId, true);
    if (!found) throw new ConflictException('Draft a verdict before submitting it.');
    const stale = staleVerdict(action, seen, found.verdict.version);
    if (stale) throw httpError(409, stale, { current: toVerdictDto(found.verdict, found.sources, found.current) });
    const problems = verdictProblems({ ...found.verdict, sources: found.sources.map(toSourceDto) });
    if (problems.length) throw httpError(409, `The verdict is not complete: ${problems.join(' ')}`, { problems });
    return found.verdict;
  }

  async submit(claimId: string, seen: number | undefined, user: UserEntity, requestId: string): Promise<VerdictDto> {
    await this.workflow.transition(claimId, {
      action: 'submit',
      actor: user,
      requestId,
      effect: async (m, { claim }: LockedClaim) => {
        const verdict = await this.checkReady(m, claimId, 'submit', seen);
        await this.verdicts.submit(m, verdict.id);
        await this.drafts.delete(claimId, user.id, m);
        await this.notifications.notify(m, {
          userIds: await this.notifications.editorIds(m),
          kind: 'submitted',
          message: `${user.name} submitted a verdict for review: “${excerpt(claim.text)}”`,
          claimId,
          actorId: user.id,
        });
      },
    });
    return this.get(claimId);
  }

  /** Approval needs a complete verdict: rating, conclusion, sources with web addresses, one primary. */
  async approve(claimId: string, seen: number | undefined, user: UserEntity, requestId: string): Promise<VerdictDto> {
    await this.workflow.transition(claimId, {
      action: 'approve',
      actor: user,
      requestId,
      effect: async (m, { claim }) => {
        const verdict = await this.checkReady(m, claimId, 'approve', seen);
        await this.verdicts.approve(m, verdict.id, user.id);
        // Nobody edits an approved verdict: drafts of it would only come back as stale.
        await this.drafts.deleteAll(m, claimId);
        await this.notifications.notify(m, {
          userIds: [verdict.authorId],
          kind: 'approved',
          message: `${user.name} approved your verdict on “${excerpt(claim.text)}”`,
          claimId,
          actorId: user.id,
        });
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
        await this.verdicts.sendBack(m, verdict.id);
        await this.collaboration.addReviewComment(m, {
          claimId,
          authorId: user.id,
          body: comment,
          verdictVersion: verdict.version,
          requestId,
        });
        await this.notifications.notify(m, {
          userIds: [verdict.authorId],
          kind: 'changes_requested',
          message: `${user.name} asked for changes to your verdict on “${excerpt(claim.text)}”: ${excerpt(comment)}`,
          claimId,
          actorId: user.id,
        });
      },
    });
    return this.get(claimId);
  }

  /** The signed-in person's draft of the claim's verdict, or null. */
  async getDraft(claimId: string, user: UserEntity): Promise<VerdictDraftDto | null> {
    const found = await this.drafts.find(claimId, user.id);
    return found && toDraftDto(found);
  }

  /** Keeps what the person typed: allowed to whoever may save the verdict now, within the size cap. */
  async putDraft(claimId: string, input: PutDraftDto, user: UserEntity): Promise<VerdictDraftDto> {
    const bytes = Buffer.byteLength(JSON.stringify({ base: input.base, content: input.content }));
    if (bytes > VERDICT_DRAFT_LIMITS.maxBytes)
      throw httpError(
        413,
        `The draft is too large to keep (${Math.ceil(bytes / 1024)} KB; at most ${VERDICT_DRAFT_LIMITS.maxBytes / 1024} KB).`,
      );
    return this.db.transaction(async (m) => {
      await this.lockEditable(m, claimId, user);
      const { baseVersion, base, content } = input;
      return toDraftDto(await this.drafts.put(m, { claimId, authorId: user.id, baseVersion, base, content }));
    });
  }

  deleteDraft(claimId: string, user: UserEntity): Promise<void> {
    return this.drafts.delete(claimId, user.id);
  }
}
