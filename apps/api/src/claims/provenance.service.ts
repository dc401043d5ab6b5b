import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decideClaimEdit, PROVENANCE_FIELDS, type ClaimProvenanceInput, type Provenance } from '@factdesk/domain';
import { ClaimsRepository, claimOwnProvenance, type UserEntity } from '@factdesk/persistence';
import { FieldValidationException, httpError } from '../common/errors.js';

/** An editor sets or overrides where and when a claim was said; the rest stays its document's. */
@Injectable()
export class ClaimProvenanceService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly claims: ClaimsRepository,
  ) {}

  async set(id: string, input: ClaimProvenanceInput, user: UserEntity, requestId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      const claim = (await this.claims.lock(m, id))?.claim;
      if (!claim) throw new NotFoundException('No such claim.');
      // Readers saw the published provenance: it changes through a correction, like the text.
      const editable = decideClaimEdit(claim.state);
      if (!editable.ok) throw httpError(editable.status, editable.message);
      const own: Record<keyof Provenance, unknown> = { ...claimOwnProvenance(claim) };
      for (const f of PROVENANCE_FIELDS) if (input[f] !== undefined) own[f] = input[f];
      if (typeof own.saidAt === 'string') own.saidAt = new Date(own.saidAt).toISOString();
      if (own.mediaStartSeconds !== null && !own.mediaUrl && !(await this.claims.documentHasMedia(m, claim)))
        throw new FieldValidationException([
          { field: 'mediaStartSeconds', message: 'is a time in a recording: give mediaUrl (its document has none)' },
        ]);
      await this.claims.setProvenance(m, claim, own as unknown as Provenance, { actorId: user.id, requestId });
    });
  }
}
