import 'i18next';
import type admin from './locales/id/admin.json';
import type assets from './locales/id/assets.json';
import type auth from './locales/id/auth.json';
import type award from './locales/id/award.json';
import type common from './locales/id/common.json';
import type communities from './locales/id/communities.json';
import type dashboard from './locales/id/dashboard.json';
import type editor from './locales/id/editor.json';
import type home from './locales/id/home.json';
import type passwordReset from './locales/id/password-reset.json';
import type profile from './locales/id/profile.json';
import type review from './locales/id/review.json';
import type risk from './locales/id/risk.json';
import type search from './locales/id/search.json';
import type write from './locales/id/write.json';

// Typed keys: `t('home:search.label')` fails the typecheck when the key is not in the Indonesian
// file (the English file must have the same keys: i18n/locales.spec.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      admin: typeof admin;
      assets: typeof assets;
      auth: typeof auth;
      award: typeof award;
      common: typeof common;
      communities: typeof communities;
      dashboard: typeof dashboard;
      editor: typeof editor;
      home: typeof home;
      'password-reset': typeof passwordReset;
      profile: typeof profile;
      review: typeof review;
      risk: typeof risk;
      search: typeof search;
      write: typeof write;
    };
  }
}
