import { ApiPropertyOptional } from '@nestjs/swagger';

/** What a notification is about: only the fields its type uses are present. */
export class NotificationParamsDto {
  @ApiPropertyOptional() assetTitle?: string;
  @ApiPropertyOptional({ enum: ['approved', 'rejected'] }) decision?: 'approved' | 'rejected';
  @ApiPropertyOptional({ description: "The verifier's comment" }) comment?: string;
  @ApiPropertyOptional({ description: 'An edit of a published asset, not a new submission' })
  revision?: boolean;
  @ApiPropertyOptional({ enum: ['author', 'narasumber'] }) role?: 'author' | 'narasumber';
  @ApiPropertyOptional() copName?: string;
  @ApiPropertyOptional() meetingTopic?: string;
  @ApiPropertyOptional({ type: String, format: 'date', description: 'YYYY-MM-DD (WIB)' })
  dueDate?: string;
  @ApiPropertyOptional() personName?: string;
}
