import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { Permission } from './permissions';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'lumbung:public';
export const REQUIRED_PERMISSION = 'lumbung:permission';

/** Open to anyone; a valid token still identifies the caller (optional auth). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The coarse permission a route needs; the service then checks which rows. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** The caller on an authenticated route (undefined on a public route called anonymously). */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | undefined =>
    ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);
