import { Controller, Get, HttpCode, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '@lumbung/platform';
import type { AppConfig } from '@lumbung/platform';
import { Public } from '../../authz/decorators';
import { clientOf } from '../client-info';
import { setRefreshCookie } from '../refresh-cookie';
import { OidcFlowCookie } from './oidc-flow-cookie';
import { OidcSignInService } from './oidc-sign-in.service';
import { SSO_REFUSALS } from './sso-refusal';

const REDIRECT_HEADERS = {
  Location: { description: 'Where the browser goes next', schema: { type: 'string' } },
};

/**
 * Single sign-on routes. Both answer the browser with a redirect (never JSON): to the provider,
 * or back into the portal, `/masuk?sso=ok&kembali=…` when signed in and `/masuk?sso=<code>` with
 * the refusal's code otherwise.
 */
@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  private readonly flows: OidcFlowCookie;

  constructor(
    private readonly signIn: OidcSignInService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.flows = new OidcFlowCookie(config);
  }

  @Get('login')
  @Public()
  @HttpCode(302)
  @ApiOperation({
    summary: 'Start single sign-on: redirects to the provider (authorization code with PKCE)',
  })
  @ApiQuery({
    name: 'kembali',
    required: false,
    type: String,
    description: 'Portal path to land on afterwards (same-origin paths only; else `/`)',
  })
  @ApiResponse({
    status: 302,
    description: `To the provider; when SSO is off or the provider is down, to /masuk?sso=<${SSO_REFUSALS.join('|')}>`,
    headers: REDIRECT_HEADERS,
  })
  async login(@Query('kembali') kembali: unknown, @Res() res: Response): Promise<void> {
    const started = await this.signIn.start(kembali);
    if (typeof started === 'string') return redirect(res, refusalPath(started));
    this.flows.set(res, started.flow);
    redirect(res, started.url);
  }

  @Get('callback')
  @Public()
  @HttpCode(302)
  @ApiOperation({
    summary:
      'Where the provider sends the browser back: checks state, nonce and PKCE, exchanges the code, ' +
      'matches the user by NIP then email (or provisions one), opens a session (refresh cookie)',
  })
  @ApiResponse({
    status: 302,
    description: `To /masuk?sso=ok&kembali=<path> (signed in; the portal renews its token) or /masuk?sso=<${SSO_REFUSALS.join('|')}>`,
    headers: REDIRECT_HEADERS,
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const flow = this.flows.read(req);
    // One flow, one attempt: whatever happens, this browser starts afresh next time.
    this.flows.clear(res);
    const query = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
      : '';
    const outcome = await this.signIn.finish(query, flow, clientOf(req));
    if (!outcome.signedIn) return redirect(res, refusalPath(outcome.refusal));
    const { session } = outcome;
    setRefreshCookie(res, this.config, session.refreshToken, session.refreshExpiresAt);
    redirect(
      res,
      `/masuk?${new URLSearchParams({ sso: 'ok', kembali: outcome.returnPath }).toString()}`,
    );
  }
}

function refusalPath(code: string): string {
  return `/masuk?${new URLSearchParams({ sso: code }).toString()}`;
}

/** A bare 302 (Express's redirect adds a body the OpenAPI document does not describe). */
function redirect(res: Response, location: string): void {
  res.status(302).setHeader('Location', location);
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}
