import { ApiProperty } from '@nestjs/swagger';

export class CopViewerDto {
  @ApiProperty({ description: 'The caller is a member now' }) member: boolean;
  @ApiProperty({ description: 'The caller leads this CoP' }) lead: boolean;
  @ApiProperty({
    description: "The caller logs meetings and manages members (a lead or the host OPD's admin)",
  })
  runs: boolean;
  @ApiProperty({ description: 'The caller sees the meetings and activity' }) seesActivity: boolean;
  @ApiProperty({ description: 'The caller has asked to join and is waiting for a lead' })
  joinRequested: boolean;
  @ApiProperty({ description: 'The caller may ask to join (a contributor who is not a member)' })
  mayRequestJoin: boolean;
}
