import { ApiProperty } from '@nestjs/swagger';
import { PreferenceDto } from './preference.dto';

export class PreferencesDto {
  @ApiProperty({ description: 'Whether this installation sends email at all (SMTP_URL set)' })
  mailEnabled: boolean;
  @ApiProperty({ type: [PreferenceDto], description: 'Every type, stored choice or default' })
  items: PreferenceDto[];
}
