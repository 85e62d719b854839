import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ApiErrors, ApiUuidParams, Idempotent, preferredLanguage } from '@lumbung/platform';
import {
  ApiFilesUpload,
  AssetsService,
  AttachmentSummaryDto,
  AttachmentViewService,
} from '@lumbung/knowledge';
import { PeopleLookupQueryDto } from '../cops/dto/people-lookup-query.dto';
import { PersonLookupDto } from '../cops/dto/person-lookup.dto';
import { ATTENDANCE_SHEET_MAX_BYTES } from './attendance-sheet';
import { AttendancePreviewDto } from './dto/attendance-preview.dto';
import { CreateMeetingDto } from './dto/create-meeting.dto';
import { ListMeetingsQueryDto } from './dto/list-meetings-query.dto';
import { MeetingDto } from './dto/meeting.dto';
import { UpdateMeetingDto } from './dto/update-meeting.dto';
import { MeetingAttendeesService } from './meeting-attendees.service';
import { MeetingFilesService } from './meeting-files.service';
import type { MeetingRow } from './meeting-row';
import { presentMeeting } from './meeting.presenter';
import { MeetingsService } from './meetings.service';

/** What logging or correcting a meeting can be refused with. */
const MEETING_WRITE_ERRORS = {
  400:
    'MEETING_IN_FUTURE; UNKNOWN_USERS (details[0].details.unknown: NIPs or ids); ' +
    'UNKNOWN_OUTPUT_ASSETS (details[0].details.assetIds)',
  403: 'FORBIDDEN: neither a lead of the CoP nor an admin of its host OPD',
  409: 'DUPLICATE_MEETING (details.existingId); AWARD_YEAR_FINALIZED (details.year)',
};

@ApiTags('meetings')
@ApiBearerAuth()
@ApiUuidParams()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly attendees: MeetingAttendeesService,
    private readonly meetingFiles: MeetingFilesService,
    private readonly files: AttachmentViewService,
    private readonly assets: AssetsService,
  ) {}

  @Get('cops/:id/meetings')
  @RequirePermission(Permission.CopRead)
  @ApiOperation({ summary: 'Meetings of a CoP, optionally one year / Triwulan (WIB)' })
  @ApiOkResponse({ type: [MeetingDto] })
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Query() q: ListMeetingsQueryDto,
  ): Promise<MeetingDto[]> {
    return this.present(p, await this.meetings.list(p, id, q));
  }

  @Post('cops/:id/meetings')
  @RequirePermission(Permission.CopParticipate)
  @Idempotent()
  @ApiOperation({ summary: 'Log a meeting (the CoP’s leads and its host OPD’s admins)' })
  @ApiCreatedResponse({ type: MeetingDto })
  @ApiErrors(MEETING_WRITE_ERRORS)
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: CreateMeetingDto,
  ): Promise<MeetingDto> {
    return (await this.present(p, [await this.meetings.create(p, id, dto)]))[0];
  }

  @Get('cops/:id/people')
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({
    summary:
      'Attendee picker: people by name or NIP with their OPD (the CoP’s leads, host OPD admins, admins; 404 to others)',
  })
  @ApiOkResponse({ type: [PersonLookupDto] })
  async people(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Query() q: PeopleLookupQueryDto,
  ): Promise<PersonLookupDto[]> {
    return this.attendees.lookupPeople(p, id, q.q, q.limit);
  }

  @Post('cops/:id/attendance-sheet')
  @HttpCode(200)
  @RequirePermission(Permission.CopParticipate)
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: ATTENDANCE_SHEET_MAX_BYTES, files: 1, fields: 0, parts: 1 },
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description:
            'CSV or XLSX as Google/Microsoft Forms and Zoom/Teams attendance reports export it; ' +
            'the NIP column is found by its header ("NIP") in the first 40 rows (max 2 MB, 2000 rows)',
        },
      },
    },
  })
  @ApiOperation({
    summary:
      'Read an attendance sheet into a per-row report (found, unknown, duplicate, invalid) without saving (404 to those who do not log this CoP’s meetings)',
  })
  @ApiOkResponse({ type: AttendancePreviewDto })
  @ApiErrors({ 400: 'ATTENDANCE_SHEET_UNREADABLE (details[0].problems)' })
  async attendanceSheet(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Req() req: Request,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<AttendancePreviewDto> {
    return this.attendees.previewAttendance(
      p,
      id,
      file?.buffer,
      preferredLanguage(req.headers['accept-language']),
    );
  }

  @Get('meetings/:id')
  @RequirePermission(Permission.CopRead)
  @ApiOperation({ summary: 'One meeting with attendees (OPD on the day), outputs and evidence' })
  @ApiOkResponse({ type: MeetingDto })
  async get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<MeetingDto> {
    return (await this.present(p, [await this.meetings.get(p, id)]))[0];
  }

  @Patch('meetings/:id')
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({ summary: 'Correct a meeting (leads, host OPD admins)' })
  @ApiOkResponse({ type: MeetingDto })
  @ApiErrors(MEETING_WRITE_ERRORS)
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: UpdateMeetingDto,
  ): Promise<MeetingDto> {
    return (await this.present(p, [await this.meetings.update(p, id, dto)]))[0];
  }

  @Delete('meetings/:id')
  @HttpCode(204)
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({ summary: 'Delete a meeting (leads, host OPD admins)' })
  @ApiErrors({
    403: 'FORBIDDEN: neither a lead of the CoP nor an admin of its host OPD',
    409: 'AWARD_YEAR_FINALIZED (details.year)',
  })
  async remove(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<void> {
    await this.meetings.remove(p, id);
  }

  @Post('meetings/:id/attachments')
  @RequirePermission(Permission.CopParticipate)
  @Idempotent()
  @ApiFilesUpload()
  @ApiOperation({
    summary: 'Attach evidence (photos, attendance sheet) through the safe upload pipeline',
  })
  @ApiCreatedResponse({ type: [AttachmentSummaryDto] })
  async attach(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AttachmentSummaryDto[]> {
    return this.files.byIds(await this.meetingFiles.attach(p, id, req, res));
  }

  private async present(p: Principal, rows: MeetingRow[]): Promise<MeetingDto[]> {
    const d = await this.meetings.details(rows.map((r) => r.id));
    const titles = await this.assets.readableTitles(p, [...d.outputs.values()].flat());
    const files = await this.files.byIds([...d.files.values()].flat());
    const fileById = new Map(files.map((f) => [f.id, f]));
    return rows.map((m) =>
      presentMeeting(m, {
        attendees: d.attendees.get(m.id) ?? [],
        outputAssetIds: d.outputs.get(m.id) ?? [],
        titles,
        attachments: (d.files.get(m.id) ?? []).flatMap((id) => fileById.get(id) ?? []),
      }),
    );
  }
}
