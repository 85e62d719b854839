import type { Principal } from '../authz/principal';
import type { SessionUserDto } from '../auth/dto/session-user.dto';

/** The signed-in user's own row (the caller's own data: NIP and email included). */
export interface SessionUserRow {
  id: string;
  nip: string;
  name: string;
  email: string;
}

/**
 * The caller's own profile as returned by login, refresh and /auth/me: pure, no reads; `codeOf`
 * maps the OPD ids of the principal and its grants to codes (an unknown one answers '').
 */
export function presentSessionUser(
  principal: Principal,
  user: SessionUserRow,
  codeOf: ReadonlyMap<string, string>,
): SessionUserDto {
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
