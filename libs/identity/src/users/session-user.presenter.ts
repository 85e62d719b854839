import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../authz/principal';
import type { SessionUserDto } from '../auth/dto/session-user.dto';

/** The caller's own profile as returned by login, refresh and /auth/me. */
@Injectable()
export class SessionUserPresenter {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async present(principal: Principal): Promise<SessionUserDto> {
    const opdIds = [principal.opdId, ...principal.grants.map((g) => g.opdId)].filter(
      (id): id is string => Boolean(id),
    );
    const [user] = await this.ds.query<{ id: string; nip: string; name: string; email: string }[]>(
      `SELECT id, nip, name, email FROM users WHERE id = $1`,
      [principal.userId],
    );
    const opds = await this.ds.query<{ id: string; code: string }[]>(
      `SELECT id, code FROM opds WHERE id = ANY($1)`,
      [opdIds],
    );
    const codeOf = new Map(opds.map((o) => [o.id, o.code]));
    if (!user) throw new Error('session user vanished');
    return {
      id: user.id,
      nip: user.nip,
      name: user.name,
      email: user.email,
      opdCode: codeOf.get(principal.opdId) ?? '',
      roles: [...new Set(principal.grants.map((g) => g.role))],
      grants: principal.grants.map((g) => ({
        role: g.role,
        ...(g.opdId ? { opdCode: codeOf.get(g.opdId) ?? '' } : {}),
        ...(g.copId ? { copId: g.copId } : {}),
      })),
      permissions: [...principal.permissions].sort(),
    };
  }
}
