import { ApiProperty } from '@nestjs/swagger';
import { Permission, ROLES } from '../../authz/permissions';
import { RoleGrantDto } from './role-grant.dto';

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
