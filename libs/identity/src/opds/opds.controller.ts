import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiOpdCodeParam } from '@lumbung/platform';
import { CurrentPrincipal, Public, RequirePermission } from '../authz/decorators';
import { Permission } from '../authz/permissions';
import { Principal } from '../authz/principal';
import { OpdResponseDto } from './dto/opd-response.dto';
import { UpdateOpdDto } from './dto/update-opd.dto';
import { presentOpd } from './opd.presenter';
import { OpdsService } from './opds.service';

@ApiTags('opds')
@Controller('opds')
export class OpdsController {
  constructor(private readonly opds: OpdsService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The provincial OPD directory' })
  @ApiOkResponse({ type: [OpdResponseDto] })
  async list(): Promise<OpdResponseDto[]> {
    return (await this.opds.list()).map(presentOpd);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One OPD by its code' })
  @ApiOpdCodeParam()
  @ApiOkResponse({ type: OpdResponseDto })
  async get(@Param('code') code: string): Promise<OpdResponseDto> {
    return presentOpd(await this.opds.getByCode(code));
  }

  @Patch(':code')
  @ApiBearerAuth()
  @RequirePermission(Permission.OpdManage)
  @ApiOperation({ summary: 'Edit an OPD name or headcount (admins)' })
  @ApiOpdCodeParam()
  @ApiOkResponse({ type: OpdResponseDto })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('code') code: string,
    @Body() dto: UpdateOpdDto,
  ): Promise<OpdResponseDto> {
    return presentOpd(await this.opds.update(actor, code, dto));
  }
}
