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
import type { CopRow } from './cop-access';
import { CopsService, type MemberRow } from './cops.service';
import {
  AddedMembersDto,
  AddMembersDto,
  CopPageDto,
  CopResponseDto,
  CreateCopDto,
  ListCopsQueryDto,
  MemberDto,
  MembersQueryDto,
  UpdateCopDto,
} from './dto/cop.dto';

export function presentCop(c: CopRow): CopResponseDto {
  return {
    id: c.id,
    name: c.name,
    theme: c.theme,
    opdCode: c.opd_code,
    description: c.description,
    status: c.status,
    skReference: c.sk_reference,
    leadIds: c.lead_ids,
    memberCount: c.member_count,
    createdAt: c.created_at.toISOString(),
  };
}

function presentMember(m: MemberRow): MemberDto {
  return {
    userId: m.user_id,
    name: m.name,
    opdCode: m.opd_code,
    joinedAt: m.joined_at.toISOString(),
    leftAt: m.left_at ? m.left_at.toISOString() : null,
    isLead: m.is_lead,
  };
}

@ApiTags('cops')
@ApiBearerAuth()
@Controller('cops')
export class CopsController {
  constructor(private readonly cops: CopsService) {}

  @Get()
  @RequirePermission(Permission.CopRead)
  @ApiOperation({
    summary: 'Communities of practice (filter by host OPD, status, name/theme; mine=true: my own)',
  })
  @ApiOkResponse({ type: CopPageDto })
  async list(@CurrentPrincipal() p: Principal, @Query() q: ListCopsQueryDto): Promise<CopPageDto> {
    const page = await this.cops.list(p, q);
    return { ...page, items: page.items.map(presentCop) };
  }

  @Post()
  @RequirePermission(Permission.CopManage)
  @ApiOperation({ summary: 'Create a CoP in an OPD the caller administers, with its leads' })
  @ApiCreatedResponse({ type: CopResponseDto })
  @ApiErrors({
    400: 'UNKNOWN_USERS (details.field, details.unknown)',
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
  @ApiOperation({ summary: 'One CoP' })
  @ApiUuidParams()
  @ApiOkResponse({ type: CopResponseDto })
  async get(@Param('id') id: string): Promise<CopResponseDto> {
    return presentCop(await this.cops.get(id));
  }

  @Patch(':id')
  @RequirePermission(Permission.CopManage)
  @ApiOperation({ summary: 'Edit a CoP or set its leads (host OPD admins)' })
  @ApiUuidParams()
  @ApiOkResponse({ type: CopResponseDto })
  @ApiErrors({
    400: 'UNKNOWN_USERS (details.field, details.unknown)',
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
    400: 'UNKNOWN_USERS (details.field, details.unknown)',
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
}
