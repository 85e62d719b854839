import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AuditService, CommonErrors } from '@lumbung/platform';
import type { Principal } from '../authz/principal';
import type { UpdateOpdDto } from './dto/update-opd.dto';
import { OpdEntity } from './opd.entity';

const CODE = /^[A-Z][A-Z0-9]{1,15}$/;

/** The OPD directory: read by anyone, edited by system admins. */
@Injectable()
export class OpdsService {
  constructor(
    @InjectRepository(OpdEntity) private readonly opds: Repository<OpdEntity>,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<OpdEntity[]> {
    return this.opds.find({ order: { code: 'ASC' } });
  }

  async getByCode(code: string): Promise<OpdEntity> {
    const normalized = code.toUpperCase();
    const opd = CODE.test(normalized) ? await this.opds.findOneBy({ code: normalized }) : null;
    if (!opd) throw CommonErrors.notFound();
    return opd;
  }

  /** Read service for other contexts: code → id for the given codes (unknown codes are absent). */
  async idsByCode(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.opds.find({
      select: { id: true, code: true },
      where: { code: In([...new Set(codes.map((c) => c.toUpperCase()))]) },
    });
    return new Map(rows.map((r) => [r.code, r.id]));
  }

  /** Read service for other contexts: id → code for the given ids. */
  async codesByIds(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.opds.find({
      select: { id: true, code: true },
      where: { id: In([...ids]) },
    });
    return new Map(rows.map((r) => [r.id, r.code]));
  }

  async update(actor: Principal, code: string, dto: UpdateOpdDto): Promise<OpdEntity> {
    if (!actor.isAdmin) throw CommonErrors.forbidden();
    const opd = await this.getByCode(code);
    const before = { name: opd.name, headcount: opd.headcount };
    if (dto.name !== undefined) opd.name = dto.name.trim();
    if (dto.headcount !== undefined) opd.headcount = dto.headcount;
    const saved = await this.opds.save(opd);
    await this.audit.record(undefined, {
      actorId: actor.userId,
      action: 'opd_updated',
      targetType: 'opd',
      targetId: opd.code,
      details: { before, after: { name: saved.name, headcount: saved.headcount } },
    });
    return saved;
  }
}
