import {
  createParamDecorator,
  type ExecutionContext,
  SetMetadata,
  type Type,
} from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
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

const principalOf = (_data: unknown, ctx: ExecutionContext): Principal | undefined =>
  ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;

/** The caller on an authenticated route (undefined on a public route called anonymously). */
export const CurrentPrincipal = createParamDecorator(principalOf);

/** Who may call a route, as the AuthGuard reads it (for the OpenAPI document). */
export interface RouteAccess {
  /** No token needed (an invalid one is still refused with 401). */
  isPublic: boolean;
  permission?: Permission;
  /** The handler reads the caller: on a public route, a token changes the answer. */
  readsCaller: boolean;
}

export function routeAccess(controller: Type, method: string): RouteAccess {
  const handler = (controller.prototype as Record<string, unknown>)[method] as object;
  const read = <T>(key: string): T | undefined =>
    (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<
    string,
    { factory?: unknown }
  >;
  return {
    isPublic: read<boolean>(PUBLIC_ROUTE) ?? false,
    permission: read<Permission>(REQUIRED_PERMISSION),
    readsCaller: Object.values(args).some((arg) => arg.factory === principalOf),
  };
}
