import type { CopRow } from './cop-row';
import type { LeadRow, MemberRow } from './cops.service';
import type { CopDetailDto } from './dto/cop-detail.dto';
import type { CopResponseDto } from './dto/cop-response.dto';
import type { JoinRequestDto } from './dto/join-request.dto';
import type { MemberDto } from './dto/member.dto';
import type { JoinRequestRow } from './join-requests.service';

/** CoP rows as the API answers them: pure, no reads (the controller adds what it loads). */
export function presentCop(c: CopRow): CopResponseDto {
  return {
    id: c.id,
    name: c.name,
    theme: c.theme,
    opdCode: c.opdCode,
    description: c.description,
    status: c.status,
    skReference: c.skReference,
    leadIds: c.leadIds,
    memberCount: c.memberCount,
    createdAt: c.createdAt.toISOString(),
  };
}

/**
 * One CoP with its host OPD's name, its leads and what the caller may do there (`viewer` is
 * `copViewer`'s answer; `joinRequested` whether the caller's request waits).
 */
export function presentCopDetail(
  c: CopRow,
  people: { opdName: string; leads: LeadRow[] },
  viewer: {
    member: boolean;
    lead: boolean;
    runs: boolean;
    seesActivity: boolean;
    mayJoin: boolean;
  },
  joinRequested: boolean,
): CopDetailDto {
  return {
    ...presentCop(c),
    opdName: people.opdName,
    leads: people.leads.map((l) => ({ userId: l.userId, name: l.name, opdCode: l.opdCode })),
    viewer: {
      member: viewer.member,
      lead: viewer.lead,
      runs: viewer.runs,
      seesActivity: viewer.seesActivity,
      joinRequested,
      mayRequestJoin: viewer.mayJoin,
    },
  };
}

export function presentMember(m: MemberRow): MemberDto {
  return {
    userId: m.userId,
    name: m.name,
    opdCode: m.opdCode,
    joinedAt: m.joinedAt.toISOString(),
    leftAt: m.leftAt ? m.leftAt.toISOString() : null,
    isLead: m.isLead,
  };
}

export function presentRequest(r: JoinRequestRow): JoinRequestDto {
  return {
    id: r.id,
    copId: r.copId,
    userId: r.userId,
    name: r.name,
    nip: r.nip,
    opdCode: r.opdCode,
    status: r.status,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
  };
}
