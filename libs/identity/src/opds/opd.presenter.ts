import type { OpdResponseDto } from './dto/opd-response.dto';
import type { OpdEntity } from './opd.entity';

export function presentOpd(opd: OpdEntity): OpdResponseDto {
  return {
    id: opd.id,
    code: opd.code,
    name: opd.name,
    headcount: opd.headcount,
    updatedAt: opd.updatedAt.toISOString(),
  };
}
