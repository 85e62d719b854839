import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '@/app/root-route';

export interface PasswordResetSearch {
  /** The one-time code, when the admin handed it over as a link. */
  kode?: string;
}

/** Atur ulang kata sandi: set a new password with the one-time code an admin handed over. */
export const passwordResetRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/atur-ulang-sandi',
  validateSearch: (search: Record<string, unknown>): PasswordResetSearch =>
    typeof search.kode === 'string' && /^[A-Za-z0-9 -]{1,64}$/.test(search.kode)
      ? { kode: search.kode }
      : {},
  component: lazyRouteComponent(() => import('./pages/password-reset-page'), 'PasswordResetPage'),
});
