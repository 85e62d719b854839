import { Injectable } from '@nestjs/common';
import type { Principal } from '@lumbung/identity';
import { copViewer } from './cop.policy';
import { presentCopDetail } from './cop.presenter';
import { CopsService } from './cops.service';
import { JoinRequestsService } from './join-requests.service';
import type { CopDetailDto } from './dto/cop-detail.dto';

/** One CoP as the caller sees it: its leads, and what the caller may do there (the policy's answer). */
@Injectable()
export class CopDetailService {
  constructor(
    private readonly cops: CopsService,
    private readonly joins: JoinRequestsService,
  ) {}

  async detail(p: Principal, id: string): Promise<CopDetailDto> {
    const cop = await this.cops.get(undefined, id);
    const people = await this.cops.people(cop);
    const viewer = copViewer(p, cop);
    const joinRequested = !viewer.member && (await this.joins.isPending(p.userId, cop.id));
    return presentCopDetail(cop, people, viewer, joinRequested);
  }
}
