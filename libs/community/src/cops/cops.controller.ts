import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Permission, Principal, RequirePermission } from '@lumbung/identity';
import { ApiErrors, ApiUuidParams } from '@lumbung/platform';
import { presentCop, presentMember, presentRequest } from './cop.presenter';
import { CopDetailService } from './cop-detail.service';
import { CopsService } from './cops.service';
import { JoinRequestsService } from './join-requests.service';
import { AddMembersDto } from './dto/add-members.dto';
import { AddedMembersDto } from './dto/added-members.dto';
import { CopDetailDto } from './dto/cop-detail.dto';
import { CopPageDto } from './dto/cop-page.dto';
import { CopResponseDto } from './dto/cop-response.dto';
import { CreateCopDto } from './dto/create-cop.dto';
import { JoinRequestDto } from './dto/join-request.dto';
import { ListCopsQueryDto } from './dto/list-cops-query.dto';
import { MemberDto } from './dto/member.dto';
import { MembersQueryDto } from './dto/members-query.dto';
import { UpdateCopDto } from './dto/update-cop.dto';

@ApiTags('cops')
@ApiBearerAuth()
@Controller('cops')
export class CopsController {
  constructor(
    private readonly cops: CopsService,
    private readonly joins: JoinRequestsService,
    private readonly details: CopDetailService,
  ) {}

  @Get()
  @RequirePermission(Permission.CopRead)
  @ApiOperation({
    summary:
      'Communities of practice (filter by host OPD, status, theme, name/theme text; mine=true: my own)',
  })
  @ApiOkResponse({ type: CopPageDto })
  async list(@CurrentPrincipal() p: Principal, @Query() q: ListCopsQueryDto): Promise<CopPageDto> {
    const page = await this.cops.list(p, q);
    return { ...page, items: page.items.map(presentCop), themes: await this.cops.themes() };
  }

  @Post()
  @RequirePermission(Permission.CopManage)
  @ApiOperation({ summary: 'Create a CoP in an OPD the caller administers, with its leads' })
  @ApiCreatedResponse({ type: CopResponseDto })
  @ApiErrors({
    400: 'UNKNOWN_USERS (details[0].details.unknown)',
    403: 'FORBIDDEN: an OPD the caller does not administer',
    409: 'DUPLICATE_COP',
  })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateCopDto,
  ): Promise<CopResponseDto> {
    return presentCop(await this.cops.create(p, dto));
  }

  @Get(':id')
  @RequirePermission(Permission.CopRead)
  @ApiOperation({ summary: 'One CoP with its leads and what the caller may do there' })
  @ApiUuidParams()
  @ApiOkResponse({ type: CopDetailDto })
  async get(@CurrentPrincipal() p: Principal, @Param('id') id: string): Promise<CopDetailDto> {
    return this.details.detail(p, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.CopManage)
  @ApiOperation({ summary: 'Edit a CoP or set its leads (host OPD admins)' })
  @ApiUuidParams()
  @ApiOkResponse({ type: CopResponseDto })
  @ApiErrors({
    400: 'UNKNOWN_USERS (details[0].details.unknown)',
    403: 'FORBIDDEN: not an admin of the host OPD',
    409: 'DUPLICATE_COP',
  })
  async update(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: UpdateCopDto,
  ): Promise<CopResponseDto> {
    return presentCop(await this.cops.update(p, id, dto));
  }

  @Get(':id/members')
  @RequirePermission(Permission.CopRead)
  @ApiOperation({ summary: 'Current members (history=true: with past members and their dates)' })
  @ApiUuidParams()
  @ApiOkResponse({ type: [MemberDto] })
  async members(@Param('id') id: string, @Query() q: MembersQueryDto): Promise<MemberDto[]> {
    return (await this.cops.members(id, q.history ?? false)).map(presentMember);
  }

  @Post(':id/members')
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({ summary: 'Add members from any OPD (leads of this CoP, host OPD admins)' })
  @ApiUuidParams()
  @ApiOkResponse({ type: AddedMembersDto })
  @ApiErrors({
    400: 'UNKNOWN_USERS (details[0].details.unknown)',
    403: 'FORBIDDEN: neither a lead of the CoP nor an admin of its host OPD',
  })
  @HttpCode(200)
  async addMembers(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Body() dto: AddMembersDto,
  ): Promise<AddedMembersDto> {
    return { added: await this.cops.addMembers(p, id, dto.userIds) };
  }

  @Delete(':id/members/:userId')
  @HttpCode(204)
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({ summary: 'End a membership (kept in the history)' })
  @ApiUuidParams('id', 'userId')
  @ApiErrors({ 403: 'FORBIDDEN: neither a lead of the CoP nor an admin of its host OPD' })
  async removeMember(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<void> {
    await this.cops.removeMember(p, id, userId);
  }

  @Post(':id/join-requests')
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({
    summary: '"Minta bergabung": ask to join (asking again returns the open request)',
  })
  @ApiUuidParams()
  @ApiCreatedResponse({ type: JoinRequestDto })
  @ApiErrors({ 409: 'ALREADY_A_MEMBER' })
  async requestJoin(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
  ): Promise<JoinRequestDto> {
    return presentRequest(await this.joins.request(p, id));
  }

  @Get(':id/join-requests')
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({ summary: 'Open join requests, oldest first (leads, host OPD admins, admins)' })
  @ApiUuidParams()
  @ApiOkResponse({ type: [JoinRequestDto] })
  @ApiErrors({ 403: 'FORBIDDEN: neither a lead of the CoP nor an admin of its host OPD' })
  async joinRequests(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
  ): Promise<JoinRequestDto[]> {
    return (await this.joins.pending(p, id)).map(presentRequest);
  }

  @Post(':id/join-requests/:requestId/accept')
  @HttpCode(200)
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({ summary: 'Accept a join request: a member from today' })
  @ApiUuidParams('id', 'requestId')
  @ApiOkResponse({ type: JoinRequestDto })
  @ApiErrors({
    400: 'UNKNOWN_USERS: the person has been deactivated since',
    403: 'FORBIDDEN: neither a lead of the CoP nor an admin of its host OPD',
    409: 'JOIN_REQUEST_DECIDED (details.status)',
  })
  async accept(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('requestId') requestId: string,
  ): Promise<JoinRequestDto> {
    return presentRequest(await this.joins.decide(p, id, requestId, true));
  }

  @Post(':id/join-requests/:requestId/decline')
  @HttpCode(200)
  @RequirePermission(Permission.CopParticipate)
  @ApiOperation({ summary: 'Decline a join request' })
  @ApiUuidParams('id', 'requestId')
  @ApiOkResponse({ type: JoinRequestDto })
  @ApiErrors({
    403: 'FORBIDDEN: neither a lead of the CoP nor an admin of its host OPD',
    409: 'JOIN_REQUEST_DECIDED (details.status)',
  })
  async decline(
    @CurrentPrincipal() p: Principal,
    @Param('id') id: string,
    @Param('requestId') requestId: string,
  ): Promise<JoinRequestDto> {
    return presentRequest(await this.joins.decide(p, id, requestId, false));
  }
}
