import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@lumbung/platform';
import type { OidcConfig } from '@lumbung/platform';
import { OpdsService } from '../../opds/opds.service';
import { isNipInfo, parseNip } from '../../users/nip';
import { grantsFor } from '../../users/user-admin.policy';
import { UserEntity } from '../../users/user.entity';
import { UsersRepository } from '../../users/users.repository';
import { SsoRefused } from './sso-refusal';

interface Identity {
  nip?: string;
  email?: string;
  emailVerified: boolean;
  name?: string;
  opdCode?: string;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** The claims Lumbung uses, read with the configured claim names. */
export function identityOf(claims: Record<string, unknown>, settings: OidcConfig): Identity {
  const nip = text(claims[settings.nipClaim])?.replace(/\s+/g, '');
  return {
    nip,
    email: text(claims.email)?.toLowerCase(),
    // A provider that says the address is unverified does not get to claim an account by it.
    emailVerified: claims.email_verified !== false,
    name: text(claims.name) ?? text(claims.preferred_username),
    opdCode: settings.opdClaim ? text(claims[settings.opdClaim])?.toUpperCase() : undefined,
  };
}

/**
 * Matches a provider identity to a Lumbung user: by NIP first, then by (verified) email when the
 * provider sent no NIP or the same one. An unknown identity is refused, or created as an `asn` of
 * the OPD the configured claim names when just-in-time provisioning is on.
 */
@Injectable()
export class SsoAccounts {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly opds: OpdsService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
  ) {}

  /** The active user to sign in; throws SsoRefused otherwise. */
  async resolve(claims: Record<string, unknown>, settings: OidcConfig): Promise<UserEntity> {
    const identity = identityOf(claims, settings);
    const user = (await this.match(identity)) ?? (await this.provision(identity, settings));
    if (!user.active || user.serviceAccount) {
      throw new SsoRefused('SSO_ACCOUNT_INACTIVE', 'inactive', user.id);
    }
    return user;
  }

  private async match(identity: Identity): Promise<UserEntity | undefined> {
    const repo = this.ds.getRepository(UserEntity);
    if (identity.nip && /^\d{18}$/.test(identity.nip)) {
      const byNip = await repo.findOneBy({ nip: identity.nip });
      if (byNip) return byNip;
    }
    if (!identity.email || !identity.emailVerified) return undefined;
    const byEmail = await repo.findOneBy({ email: identity.email });
    if (byEmail && identity.nip && byEmail.nip !== identity.nip) {
      throw new SsoRefused('SSO_IDENTITY_CONFLICT', 'email_of_another_nip', byEmail.id);
    }
    return byEmail ?? undefined;
  }

  private async provision(identity: Identity, settings: OidcConfig): Promise<UserEntity> {
    if (!settings.jit) throw new SsoRefused('SSO_UNKNOWN_USER', 'unknown_identity');
    const nip = identity.nip ? parseNip(identity.nip) : 'format';
    if (!isNipInfo(nip)) throw new SsoRefused('SSO_PROVISIONING_FAILED', `nip_${nip}`);
    if (!identity.email || !identity.emailVerified) {
      throw new SsoRefused('SSO_PROVISIONING_FAILED', 'email_missing');
    }
    const opdId = identity.opdCode
      ? (await this.opds.idsByCode([identity.opdCode])).get(identity.opdCode)
      : undefined;
    if (!opdId) throw new SsoRefused('SSO_PROVISIONING_FAILED', 'unknown_opd');
    const email = identity.email;
    return this.ds.transaction(async (tx) => {
      // Two first sign-ins at once: the second finds the row the first inserted.
      const inserted: { id: string }[] = await tx.query(
        `INSERT INTO users (nip, name, email, opd_id, jabatan, jabatan_kategori, birth_date, sex)
         VALUES ($1, $2, $3, $4, '', 'administrasi', $5, $6)
         ON CONFLICT DO NOTHING RETURNING id`,
        [nip.nip, (identity.name ?? nip.nip).slice(0, 200), email, opdId, nip.birthDate, nip.sex],
      );
      const id = inserted[0]?.id;
      if (!id) throw new SsoRefused('SSO_IDENTITY_CONFLICT', 'provisioning_conflict');
      await this.users.replaceGrants(tx, [id], new Map([[id, grantsFor(['asn'], opdId)]]), null);
      await this.audit.record(tx, {
        actorId: id,
        action: 'user_created',
        targetType: 'user',
        targetId: id,
        details: { opdCode: identity.opdCode, roles: ['asn'], via: 'oidc_jit' },
      });
      return tx.getRepository(UserEntity).findOneByOrFail({ id });
    });
  }
}
