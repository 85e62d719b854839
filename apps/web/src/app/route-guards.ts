import { notFound, type ParsedLocation, redirect } from '@tanstack/react-router';
import type { Permission, SessionUser } from '@/lib/api/types';
import { session } from '@/lib/auth/session';

/**
 * What a guard throws when the signed-in user's roles do not give the page's permission: the
 * router's not-found (which it neither logs as an error nor retries), marked so that the page
 * says "Tidak ada akses" instead of "Halaman tidak ditemukan".
 */
export const FORBIDDEN = { forbidden: true } as const;

export function isForbidden(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'forbidden' in data;
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
    if (!user.permissions.includes(permission)) throw notFound({ data: FORBIDDEN });
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
