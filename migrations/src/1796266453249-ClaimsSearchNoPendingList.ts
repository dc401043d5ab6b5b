import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The claims' full-text index takes new entries straight into its tree instead of a pending list. Every
 * claim update that moves its row (a state change, an assignment) re-inserts the claim's lexemes, and with
 * GIN's default fast update they piled up in a list that every search reads from end to end until a vacuum
 * or a 4 MB overflow merged it: after a burst of triage, a frequent-word search over 100,000 claims took
 * 250 ms instead of 15. Writes pay a little instead (measured in docs/benchmarks.md).
 */
export class ClaimsSearchNoPendingList1796266453249 implements MigrationInterface {
  name = 'ClaimsSearchNoPendingList1796266453249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "IDX_claims_search_vector" SET (fastupdate = off)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER INDEX "IDX_claims_search_vector" RESET (fastupdate)`);
  }
}
