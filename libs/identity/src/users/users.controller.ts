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
import type { Request } from 'express';
import {
  ApiErrors,
  ApiUuidParams,
  CommonErrors,
  decodeTextUpload,
  DryRunQueryDto,
  Idempotent,
} from '@lumbung/platform';
import { clientOf } from '../auth/client-info';
import { PasswordResetService } from '../auth/password-reset.service';
import { CurrentPrincipal, RequirePermission } from '../authz/decorators';
import { Permission } from '../authz/permissions';
import { Principal } from '../authz/principal';
import { CreateUserDto } from './dto/create-user.dto';
import { ImportReportDto } from './dto/import-users.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { PasswordResetStartedDto } from './dto/password-reset-started.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserPageDto } from './dto/user-page.dto';
import { UserResponseDto } from './dto/user-response.dto';
import { UserImportService } from './import/user-import.service';
import { presentUser } from './user.presenter';
import { UsersService } from './users.service';

const CSV_MAX_BYTES = 5 * 1024 * 1024;

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly importer: UserImportService,
    private readonly resets: PasswordResetService,
  ) {}

  @Get()
  @RequirePermission(Permission.UserRead)
  @ApiOperation({ summary: 'Users the caller administers (admins: all; OPD admins: own OPD)' })
  @ApiOkResponse({ type: UserPageDto })
  async list(
    @CurrentPrincipal() actor: Principal,
    @Query() query: ListUsersQueryDto,
  ): Promise<UserPageDto> {
    const page = await this.users.list(actor, query);
    return { ...page, items: page.items.map(presentUser) };
  }

  @Post()
  @RequirePermission(Permission.UserManage)
  @ApiOperation({ summary: 'Create a user in an OPD the caller administers' })
  @ApiCreatedResponse({ type: UserResponseDto })
  @ApiErrors({
    400: 'WEAK_PASSWORD',
    403: 'FORBIDDEN: an OPD the caller does not administer; ROLE_NOT_ALLOWED (details.role)',
    409: 'NIP_TAKEN; EMAIL_TAKEN',
  })
  async create(
    @CurrentPrincipal() actor: Principal,
    @Body() dto: CreateUserDto,
  ): Promise<UserResponseDto> {
    return presentUser(await this.users.create(actor, dto));
  }

  @Post('import')
  @HttpCode(200)
  @RequirePermission(Permission.UserManage)
  // Above FileInterceptor, so it runs after the file is read and the file is part of the fingerprint.
  @Idempotent()
  @UseInterceptors(
    FileInterceptor('file', {
      limits: { fileSize: CSV_MAX_BYTES, files: 1, fields: 2, parts: 3 },
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
            'CSV: nip,name,email,opd_code,jabatan,jabatan_kategori,roles (, or ;); optional ' +
            'planned_departure,departure_reason,departure_note and birth_date (must match the NIP)',
        },
      },
    },
  })
  @ApiOperation({ summary: 'Import users from CSV, idempotent by NIP, with a per-row report' })
  @ApiOkResponse({ type: ImportReportDto })
  async import(
    @CurrentPrincipal() actor: Principal,
    @Query() query: DryRunQueryDto,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<ImportReportDto> {
    if (!file) throw CommonErrors.validation([{ field: 'file', problems: ['required'] }]);
    return this.importer.import(actor, decodeTextUpload(file.buffer, 'csv'), query.dryRun ?? false);
  }

  @Get(':id')
  @RequirePermission(Permission.UserRead)
  @ApiOperation({ summary: 'One user (404 outside the caller’s OPDs)' })
  @ApiUuidParams()
  @ApiOkResponse({ type: UserResponseDto })
  async get(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<UserResponseDto> {
    return presentUser(await this.users.get(actor, id));
  }

  @Patch(':id')
  @RequirePermission(Permission.UserManage)
  @ApiOperation({
    summary: 'Edit, re-role or deactivate a user; set a password only where there is none',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors({
    400: 'WEAK_PASSWORD',
    403: 'FORBIDDEN: an OPD the caller does not administer; ROLE_NOT_ALLOWED (details.role); PASSWORD_ADMIN_ONLY: an OPD admin setting the first password of an account holding a role',
    409: 'EMAIL_TAKEN; CANNOT_CHANGE_OWN_ACCESS; PASSWORD_ALREADY_SET: a working password is never replaced',
  })
  async update(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserResponseDto> {
    return presentUser(await this.users.update(actor, id, dto));
  }

  @Delete(':id/planned-departure')
  @HttpCode(200)
  @RequirePermission(Permission.UserManage)
  @ApiOperation({
    summary:
      'Remove a planned departure: the register goes back to the BUP (no body; null is never sent)',
  })
  @ApiUuidParams()
  @ApiOkResponse({ type: UserResponseDto })
  @ApiErrors({ 403: 'FORBIDDEN: an account the caller may not manage' })
  async clearPlannedDeparture(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
  ): Promise<UserResponseDto> {
    return presentUser(await this.users.clearPlannedDeparture(actor, id));
  }

  @Post(':id/password-reset')
  @RequirePermission(Permission.UserManage)
  @ApiOperation({
    summary:
      'Start a password reset the user completes: ends every session, returns a one-time code (24 h) for the admin to hand over',
  })
  @ApiUuidParams()
  @ApiCreatedResponse({ type: PasswordResetStartedDto })
  @ApiErrors({
    403: 'FORBIDDEN: an account the caller may not manage; PASSWORD_ADMIN_ONLY: an OPD admin and an account holding a role (verifier, CoP lead, admin)',
  })
  startPasswordReset(
    @CurrentPrincipal() actor: Principal,
    @Param('id') id: string,
    @Req() req: Request,
  ): Promise<PasswordResetStartedDto> {
    return this.resets.start(actor, id, clientOf(req));
  }
}
