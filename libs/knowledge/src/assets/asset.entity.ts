import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssetStatus, AssetType, SeciMode, Visibility } from './asset-types';

const numeric = { to: (v: number) => v, from: (v: string | number) => Number(v) };

@Entity('assets')
export class AssetEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  type: AssetType;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  sections: Record<string, string>;

  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @Column({ name: 'opd_id', type: 'uuid' })
  opdId: string;

  @Column({ name: 'cop_id', type: 'uuid', nullable: true })
  copId: string | null;

  @Column({ name: 'author_ids', type: 'uuid', array: true })
  authorIds: string[];

  @Column({ name: 'narasumber_id', type: 'uuid', nullable: true })
  narasumberId: string | null;

  @Column({ name: 'seci_mode', type: 'varchar', length: 16, nullable: true })
  seciMode: SeciMode | null;

  @Column({ type: 'varchar', length: 10 })
  visibility: Visibility;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status: AssetStatus;

  @Column({ type: 'numeric', precision: 4, scale: 3, default: 0, transformer: numeric })
  completeness: number;

  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'external_id', type: 'varchar', length: 200, nullable: true })
  externalId: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ name: 'verified_by', type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @Column({ name: 'review_due_at', type: 'timestamptz', nullable: true })
  reviewDueAt: Date | null;

  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
