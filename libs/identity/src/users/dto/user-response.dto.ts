import { ApiProperty } from '@nestjs/swagger';
import { RoleGrantDto } from '../../auth/dto/role-grant.dto';
import { ROLES } from '../../authz/permissions';
import { JABATAN_CATEGORIES } from '../user.entity';
import { PlannedDepartureDto } from './planned-departure.dto';

export class UserResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  nip: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  email: string;

  @ApiProperty()
  opdCode: string;

  @ApiProperty()
  jabatan: string;

  @ApiProperty({ enum: JABATAN_CATEGORIES })
  jabatanKategori: string;

  @ApiProperty({ format: 'date', description: 'Derived from the NIP', example: '1985-03-15' })
  birthDate: string;

  @ApiProperty({ enum: ['male', 'female'], description: 'Derived from the NIP' })
  sex: string;

  @ApiProperty({ type: PlannedDepartureDto, nullable: true })
  plannedDeparture: PlannedDepartureDto | null;

  @ApiProperty()
  active: boolean;

  @ApiProperty({ description: 'Whether a password is set (imported users may have none yet)' })
  hasPassword: boolean;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: string[];

  @ApiProperty({ type: [RoleGrantDto] })
  grants: RoleGrantDto[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}
