import { Module } from '@nestjs/common';
import { IdentityModule } from '@lumbung/identity';
import { KnowledgeModule } from '@lumbung/knowledge';
import { ActivityController } from './activity/activity.controller';
import { CommunityModule } from './community.module';
import { CopsController } from './cops/cops.controller';
import { MeetingsController } from './meetings/meetings.controller';

@Module({
  imports: [CommunityModule, KnowledgeModule, IdentityModule],
  controllers: [CopsController, MeetingsController, ActivityController],
})
export class CommunityHttpModule {}
