import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { APP_CONFIG, ApiErrors } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';
import { CurrentPrincipal, Public, RequirePermission } from '../authz/decorators';
import { Permission } from '../authz/permissions';
import { Principal } from '../authz/principal';
import { AuthService, IssuedSession } from './auth.service';
import { clientOf } from './client-info';
import { ChangePasswordDto } from './dto/change-password.dto';
import { CompletePasswordResetDto } from './dto/complete-password-reset.dto';
import { LoginResponseDto } from './dto/login-response.dto';
import { SessionUserDto } from './dto/session-user.dto';
import { LoginDto } from './dto/login.dto';
import { LogoutResponseDto } from './dto/logout-response.dto';
import { SignInOptionsDto } from './dto/sign-in-options.dto';
import { OidcClient } from './oidc/oidc-client';
import { PasswordResetService } from './password-reset.service';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly oidc: OidcClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 30, ttl: 60_000 } })
  @ApiOperation({ summary: 'Log in with NIP or email; sets the refresh cookie' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({
    401: 'INVALID_CREDENTIALS: wrong NIP/email or password, or an inactive account',
    403: 'LOCAL_LOGIN_DISABLED: password sign-in is switched off (LOCAL_LOGIN=false); use SSO',
    429: 'RATE_LIMITED: too many failed logins (details.retryAfterSeconds)',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    return this.issue(res, await this.auth.login(dto.username, dto.password, clientOf(req)));
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'New access token from the refresh cookie (rotates the cookie)' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({ 401: 'SESSION_EXPIRED: no, an expired or a revoked refresh cookie' })
  async refresh(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponseDto> {
    const token = readRefreshCookie(req, this.config);
    return this.issue(res, await this.auth.refresh(token, clientOf(req)));
  }

  @Post('logout')
  @HttpCode(200)
  @ApiBearerAuth()
  @RequirePermission(Permission.SessionManage)
  @ApiOperation({
    summary:
      "End this session (access and refresh tokens stop working); for single sign-on, the provider's logout URL",
  })
  @ApiOkResponse({ type: LogoutResponseDto })
  async logout(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LogoutResponseDto> {
    const ended = await this.auth.logout(principal);
    clearRefreshCookie(res, this.config);
    return {
      endSessionUrl: ended.method === 'oidc' ? await this.oidc.endSessionUrl(ended.idToken) : null,
    };
  }

  @Get('options')
  @Public()
  @ApiOperation({ summary: 'How people may sign in here: password, single sign-on or both' })
  @ApiOkResponse({ type: SignInOptionsDto })
  options(): SignInOptionsDto {
    return { localLogin: this.config.sso.localLogin, sso: this.config.sso.oidc !== undefined };
  }

  @Get('me')
  @ApiBearerAuth()
  @RequirePermission(Permission.SessionManage)
  @ApiOperation({ summary: 'The logged-in user with roles and permissions' })
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentPrincipal() principal: Principal): Promise<SessionUserDto> {
    return this.auth.me(principal);
  }

  @Post('password')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequirePermission(Permission.SessionManage)
  @ApiOperation({ summary: 'Change own password; ends every other session' })
  @ApiErrors({ 400: 'WRONG_CURRENT_PASSWORD; WEAK_PASSWORD (details[0].problems)' })
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(principal, dto.currentPassword, dto.newPassword);
  }

  @Post('password-reset')
  @Public()
  @HttpCode(204)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  @ApiOperation({
    summary:
      'Complete a password reset with the one-time code an admin handed over; ends every session',
  })
  @ApiErrors({
    400: 'PASSWORD_RESET_INVALID: a wrong, used or expired code; WEAK_PASSWORD (details[0].problems)',
    429: 'RATE_LIMITED: too many failed logins or wrong codes from this address',
  })
  async completePasswordReset(
    @Body() dto: CompletePasswordResetDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.resets.complete(dto.token, dto.newPassword, clientOf(req));
    clearRefreshCookie(res, this.config);
  }

  private issue(res: Response, issued: IssuedSession): LoginResponseDto {
    setRefreshCookie(res, this.config, issued.refreshToken, issued.refreshExpiresAt);
    return issued.response;
  }
}
