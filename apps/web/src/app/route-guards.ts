import { type ParsedLocation, redirect } from '@tanstack/react-router';
import type { Permission, SessionUser } from '@/lib/api/types';
import { session } from '@/lib/auth/session';

/** Thrown by a guard when the signed-in user's roles do not give the page's permission. */
export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
    this.name = 'ForbiddenError';
  }
}

/**
 * `beforeLoad` for pages that need a signed-in user: anonymous visitors go to /masuk and come
 * back here after signing in.
 */
export function requireSignIn({ location }: { location: ParsedLocation }): { user: SessionUser } {
  const state = session.getState();
  if (state.status === 'signedIn' || state.status === 'expired') return { user: state.user };
  throw redirect({ to: '/masuk', search: { kembali: location.href } });
}

/** `beforeLoad` for pages that need a permission (e.g. 'asset:verify' for the review queue). */
export function requirePermission(permission: Permission) {
  return (args: { location: ParsedLocation }): { user: SessionUser } => {
    const { user } = requireSignIn(args);
    if (!user.permissions.includes(permission)) throw new ForbiddenError();
    return { user };
  };
}

/** A same-origin path to return to after signing in (never another site). */
export function safeReturnPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//'))
    return undefined;
  if (value.startsWith('/masuk') || value.includes('\\')) return undefined;
  return value;
}
