import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ClaimLinks } from '@factdesk/claim-matching';
import {
  claimAuditAction,
  claimTextKey,
  repeatAlertMessage,
  repeatOnArrival,
  contentWordCount,
} from '@factdesk/domain';
import {
  ClaimRepeatsRepository,
  ClaimsRepository,
  CollaborationRepository,
  type ClaimClusterFacts,
} from '@factdesk/persistence';

/**
 * Repeats of claims on arrival (issue 19), after the linker ranked a document's new claims against the stored
 * ones: libs/domain's repeatOnArrival decides, this applies it, one transaction per claim so a join, its audit
 * event, the repeat's record and the editors' notification commit together. Idempotent: a claim already
 * triaged or joined is left alone, a repeat is recorded (and told) once.
 */
@Injectable()
export class RepeatsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly repeats: ClaimRepeatsRepository,
    private readonly collaboration: CollaborationRepository,
  ) {}

  /** Answers how many claims joined a cluster and how many repeat alerts went out. */
  async settle(links: ClaimLinks[]): Promise<{ joined: number; alerted: number }> {
    const facts = await this.repeats.clusterFacts([
      ...links.map((l) => l.claimId),
      ...links.flatMap((l) => l.matches.map((m) => m.claimId)),
    ]);
    // Every cluster's rating, from any of its claims read: the alert says what the earlier check found.
    const ratings = new Map([...facts.values()].map((f) => [f.headId, f.headRating]));
    let joined = 0;
    let alerted = 0;
    for (const l of links) {
      const claim = facts.get(l.claimId);
      if (!claim) continue;
      const decision = repeatOnArrival({
        state: claim.state,
        words: contentWordCount(claim.text),
        duplicateOf: claim.state === 'duplicate' ? { headId: claim.headId, headChecked: claim.headChecked } : null,
        links: l.matches.flatMap((m) => {
          const matched = facts.get(m.claimId);
          if (!matched || matched.headId === claim.id) return [];
          const sameText = claimTextKey(m.text) === claimTextKey(claim.text);
          const { headId, headChecked } = matched;
          return [{ headId, sameText, similarity: m.similarity, headChecked, words: contentWordCount(m.text) }];
        }),
      });
      if (!decision.join && !decision.alert) continue;
      const outcome = await this.apply(claim, decision, ratings.get(decision.alert?.headId ?? '') ?? null);
      joined += outcome.joined ? 1 : 0;
      alerted += outcome.alerted ? 1 : 0;
    }
    return { joined, alerted };
  }

  private apply(
    claim: ClaimClusterFacts,
    decision: ReturnType<typeof repeatOnArrival>,
    rating: string | null,
  ): Promise<{ joined: boolean; alerted: boolean }> {
    return this.db.transaction(async (tx) => {
      const locked = await this.claims.lock(tx, claim.id);
      if (!locked) return { joined: false, alerted: false };
      let joined = false;
      // Someone may have triaged it since it was read: then it stays as they left it.
      if (decision.join && locked.claim.state === 'detected') {
        await this.claims.moveState(
          tx,
          {
            claimId: claim.id,
            from: 'detected',
            to: 'duplicate',
            dismissalReason: null,
            action: claimAuditAction('mark_duplicate'),
            reason: 'The same words as a claim in another document',
            duplicateOfId: decision.join,
          },
          { actorId: null, requestId: null },
        );
        joined = true;
      }
      if (!decision.alert || (decision.join && !joined)) return { joined, alerted: false };
      const recorded = await this.repeats.record(tx, {
        claimId: claim.id,
        headClaimId: decision.alert.headId,
        similarity: decision.alert.similarity,
        joined: joined || claim.state === 'duplicate',
      });
      if (!recorded) return { joined, alerted: false };
      await this.collaboration.notify(tx, {
        userIds: await this.collaboration.editorIds(tx),
        kind: 'repeated',
        message: repeatAlertMessage(claim.text, rating, joined || claim.state === 'duplicate'),
        claimId: claim.id,
        actorId: null,
      });
      return { joined, alerted: true };
    });
  }
}
