import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CommonErrors, isUuid } from '@lumbung/platform';
import { TokenService } from '../auth/token.service';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_PERMISSION } from './decorators';
import type { Permission } from './permissions';
import { PrincipalLoader } from './principal.loader';

/**
 * Global guard: every route needs a valid bearer token unless marked @Public (401 otherwise);
 * a route's @RequirePermission is then checked against the caller's roles (403).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly principals: PrincipalLoader,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets) ?? false;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(
      REQUIRED_PERMISSION,
      targets,
    );
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    if (!header) {
      if (isPublic) return true;
      throw CommonErrors.unauthenticated();
    }
    const match = /^Bearer ([A-Za-z0-9_\-.]{10,4096})$/.exec(header);
    const claims = match ? this.tokens.verifyAccess(match[1]) : undefined;
    const principal =
      claims && isUuid(claims.sub) && isUuid(claims.sid)
        ? await this.principals.load(claims.sub, claims.sid)
        : undefined;
    if (!principal) throw CommonErrors.unauthenticated();
    req.principal = principal;
    if (permission && !principal.can(permission)) throw CommonErrors.forbidden();
    return true;
  }
}
