import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '../authz/principal';
import type { SessionUserDto } from '../auth/dto/session-user.dto';
import { presentSessionUser, type SessionUserRow } from './session-user.presenter';

/** Loads what the caller's own profile shows (login, refresh and /auth/me). */
@Injectable()
export class SessionUserService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async forPrincipal(principal: Principal): Promise<SessionUserDto> {
    const opdIds = [principal.opdId, ...principal.grants.map((g) => g.opdId)].filter(
      (id): id is string => Boolean(id),
    );
    const [user] = await this.ds.query<SessionUserRow[]>(
      `SELECT id, nip, name, email FROM users WHERE id = $1`,
      [principal.userId],
    );
    const opds = await this.ds.query<{ id: string; code: string }[]>(
      `SELECT id, code FROM opds WHERE id = ANY($1)`,
      [opdIds],
    );
    if (!user) throw new Error('session user vanished');
    return presentSessionUser(principal, user, new Map(opds.map((o) => [o.id, o.code])));
  }
}
