import type { Permission, SessionUser } from '@/lib/api/types';

export type NavKey =
  | 'home'
  | 'search'
  | 'write'
  | 'review'
  | 'profile'
  | 'communities'
  | 'dashboard'
  | 'award'
  | 'admin'
  | 'risk';

export interface NavItem {
  key: NavKey;
  to: string;
  /** Shown only to signed-in users whose roles give this permission. */
  permission?: Permission;
  /** Shown only to signed-in users. */
  signedIn?: boolean;
}

/**
 * The main navigation, in order. Link names are a contract ("Beranda", "Cari", "Tulis
 * pengetahuan", "Antrean tinjauan", "Profil saya", "Komunitas", "Dasbor", "Penghargaan KMA",
 * "Admin"): see common.json `nav`.
 */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', to: '/' },
  { key: 'search', to: '/cari' },
  { key: 'write', to: '/tulis', permission: 'asset:contribute' },
  { key: 'review', to: '/tinjauan', permission: 'asset:verify' },
  { key: 'communities', to: '/komunitas', permission: 'cop:read' },
  { key: 'dashboard', to: '/dasbor', permission: 'metrics:read' },
  { key: 'award', to: '/penghargaan', signedIn: true },
  { key: 'risk', to: '/berisiko', permission: 'risk:read' },
  { key: 'admin', to: '/admin', permission: 'user:read' },
  { key: 'profile', to: '/profil', signedIn: true },
];

export function visibleNavItems(user: SessionUser | undefined): NavItem[] {
  return NAV_ITEMS.filter((item) => {
    if (item.permission) return !!user?.permissions.includes(item.permission);
    if (item.signedIn) return !!user;
    return true;
  });
}
