import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One rating on the newsroom's scale; ordered by position. Admins edit the scale. */
@Entity('ratings')
export class RatingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_ratings_slug', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  slug: string;

  @Column({ type: 'varchar', length: 100 })
  label: string;

  @Column({ type: 'text' })
  description: string;

  /** ClaimReview ratingValue; null for ratings off the ordinal scale. */
  @Column({ type: 'integer', nullable: true })
  value: number | null;

  /** #rrggbb */
  @Column({ type: 'varchar', length: 7 })
  colour: string;

  @Column({ type: 'integer' })
  position: number;

  /** Retired ratings stay for published fact-checks but cannot be chosen for new verdicts. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
