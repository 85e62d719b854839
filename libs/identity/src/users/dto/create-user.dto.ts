import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ROLES } from '../../authz/permissions';
import { JABATAN_CATEGORIES } from '../user.entity';
import type { JabatanCategory } from '../user.entity';
import { PlannedDepartureDto } from './planned-departure.dto';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const lower = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const upper = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class CreateUserDto {
  @ApiProperty({ example: '198503152010011001', description: '18-digit NIP' })
  @IsString()
  @Matches(/^\d{18}$/, { message: 'nip must be 18 digits' })
  nip: string;

  @ApiProperty({ example: 'Siti Rahmawati' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  name: string;

  @ApiProperty({ example: 'siti.rahmawati@jakarta.go.id' })
  @Transform(lower)
  @IsEmail()
  @Length(3, 254)
  email: string;

  @ApiProperty({ example: 'BPSDM' })
  @Transform(upper)
  @IsString()
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/)
  opdCode: string;

  @ApiProperty({ example: 'Analis Kebijakan Ahli Muda' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  jabatan: string;

  @ApiProperty({ enum: JABATAN_CATEGORIES })
  @IsIn(JABATAN_CATEGORIES)
  jabatanKategori: JabatanCategory;

  @ApiPropertyOptional({
    enum: ROLES,
    isArray: true,
    description: 'Role names; verifier and opd_admin are scoped to the user OPD. asn is implied.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: string[];

  @ApiPropertyOptional({
    type: PlannedDepartureDto,
    description:
      'A planned departure before the BUP (mutasi, transfer, early retirement, end of a PPPK contract); DELETE /users/:id/planned-departure removes it',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PlannedDepartureDto)
  plannedDeparture?: PlannedDepartureDto;

  @ApiPropertyOptional({ description: 'Initial password (12–128 characters)' })
  @IsOptional()
  @IsString()
  @Length(12, 128)
  password?: string;
}
