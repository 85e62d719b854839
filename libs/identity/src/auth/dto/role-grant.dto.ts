import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../../authz/permissions';

export class RoleGrantDto {
  @ApiProperty({ enum: ROLES })
  role: string;

  @ApiPropertyOptional({ description: 'OPD code for OPD-scoped roles (verifier, opd_admin)' })
  opdCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'CoP id for cop_lead' })
  copId?: string;
}
