import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SessionMethod = 'password' | 'oidc';

@Entity('auth_sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'refresh_hash', type: 'char', length: 64 })
  refreshHash: string;

  /** The token this one replaced, honoured for a few seconds (two tabs refreshing at once). */
  @Column({ name: 'previous_refresh_hash', type: 'char', length: 64, nullable: true })
  previousRefreshHash: string | null;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', default: () => 'now()' })
  lastUsedAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoke_reason', type: 'varchar', length: 32, nullable: true })
  revokeReason: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;

  /** How the session began: a password, or single sign-on at the OIDC provider. */
  @Column({ type: 'varchar', length: 16, default: 'password' })
  method: SessionMethod;

  /** The provider's ID token of an SSO session, sent back as `id_token_hint` at logout. */
  @Column({ name: 'oidc_id_token', type: 'text', nullable: true, select: false })
  oidcIdToken: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 300, nullable: true })
  userAgent: string | null;
}
