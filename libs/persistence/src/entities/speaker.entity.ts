import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { SPEAKER_KINDS, type SpeakerKind } from '@factdesk/domain';

@Entity('speakers')
@Index('UQ_speakers_name_lower', { synchronize: false })
@Index('IDX_speakers_aliases', { synchronize: false })
export class SpeakerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'enum', enum: SPEAKER_KINDS, enumName: 'speaker_kind', default: 'person' })
  kind: SpeakerKind;

  /** Other names the speaker appears under ("Lavrov", "FM Lavrov"); matched case-insensitively. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  /** Authoritative pages about the speaker (Wikipedia, Wikidata), for ClaimReview's sameAs. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sameAs: string[];

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Set when merged into another speaker; merged speakers are kept so old links resolve. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => SpeakerEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto: Relation<SpeakerEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
