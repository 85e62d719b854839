import { Global, Module } from '@nestjs/common';
import { COP_MEMBERSHIP_SOURCE, IdentityModule } from '@lumbung/identity';
import { KnowledgeModule } from '@lumbung/knowledge';
import { NotificationsModule } from '@lumbung/notifications';
import { ActivityService } from './activity/activity.service';
import { CopEvidenceReader } from './cops/cop-evidence.reader';
import { CopDetailService } from './cops/cop-detail.service';
import { CopsService } from './cops/cops.service';
import { JoinRequestsService } from './cops/join-requests.service';
import { MeetingAccess } from './meetings/meeting-access';
import { MeetingAttendeesService } from './meetings/meeting-attendees.service';
import { MeetingFilesService } from './meetings/meeting-files.service';
import { MeetingsService } from './meetings/meetings.service';
import { MeetingAnnouncer } from './meetings/meeting-announcer';

/**
 * Communities of practice, membership and the meeting log. Global so identity can resolve the
 * membership source for every request's principal, and search its meeting and CoP source.
 */
@Global()
@Module({
  imports: [IdentityModule, KnowledgeModule, NotificationsModule],
  providers: [
    CopsService,
    CopDetailService,
    JoinRequestsService,
    MeetingsService,
    MeetingAccess,
    MeetingAttendeesService,
    MeetingFilesService,
    MeetingAnnouncer,
    ActivityService,
    CopEvidenceReader,
    { provide: COP_MEMBERSHIP_SOURCE, useExisting: CopsService },
  ],
  exports: [
    CopsService,
    CopDetailService,
    JoinRequestsService,
    MeetingsService,
    MeetingAttendeesService,
    MeetingFilesService,
    ActivityService,
    CopEvidenceReader,
    COP_MEMBERSHIP_SOURCE,
  ],
})
export class CommunityModule {}
