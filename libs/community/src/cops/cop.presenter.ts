import type { CopRow } from './cop-row';
import type { MemberRow } from './cops.service';
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
    opdCode: c.opd_code,
    description: c.description,
    status: c.status,
    skReference: c.sk_reference,
    leadIds: c.lead_ids,
    memberCount: c.member_count,
    createdAt: c.created_at.toISOString(),
  };
}

export function presentMember(m: MemberRow): MemberDto {
  return {
    userId: m.user_id,
    name: m.name,
    opdCode: m.opd_code,
    joinedAt: m.joined_at.toISOString(),
    leftAt: m.left_at ? m.left_at.toISOString() : null,
    isLead: m.is_lead,
  };
}

export function presentRequest(r: JoinRequestRow): JoinRequestDto {
  return {
    id: r.id,
    copId: r.cop_id,
    userId: r.user_id,
    name: r.name,
    nip: r.nip,
    opdCode: r.opd_code,
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
    decidedAt: r.decided_at ? r.decided_at.toISOString() : null,
  };
}
