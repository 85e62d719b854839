import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Permission, ROLES } from '../../authz/permissions';

export class RoleGrantDto {
  @ApiProperty({ enum: ROLES })
  role: string;

  @ApiPropertyOptional({ description: 'OPD code for OPD-scoped roles (verifier, opd_admin)' })
  opdCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'CoP id for cop_lead' })
  copId?: string;
}

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '198503152010011001' })
  nip: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty({ example: 'BPSDM' })
  opdCode: string;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'Distinct role names held' })
  roles: string[];

  @ApiProperty({ type: [RoleGrantDto], description: 'Each role with its scope' })
  grants: RoleGrantDto[];

  @ApiProperty({
    enum: Permission,
    isArray: true,
    description: 'Permissions the roles give (scope is checked per object)',
  })
  permissions: string[];
}

export class LoginResponseDto {
  @ApiProperty()
  accessToken: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType: 'Bearer';

  @ApiProperty({ description: 'Seconds until the access token expires' })
  expiresIn: number;

  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;
}
