// The browser side of the portal benchmarks (web-search, web-award): Debian's Chromium through
// playwright-core at 1280 px in Indonesian, a probe script in every page, signed in with the form.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PASSWORD, ROOT } from './search-stack.mjs';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Why the bench cannot run (no Chromium: a reason to skip; no built portal: an error). */
export function browserMissing() {
  if (!existsSync(CHROMIUM))
    return `${CHROMIUM} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (!existsSync(join(ROOT, 'apps/web/dist/index.html')))
    throw new Error('apps/web/dist is missing: npm run build:web (npm run bench builds it)');
  return undefined;
}

/** A browser with one context on the portal at `base`, `probe` in every page, signed in. */
export async function signedInBrowser(base, email, probe) {
  const { chromium } = require(join(ROOT, 'node_modules/playwright-core'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
  });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  await page.goto('/masuk');
  await page.getByLabel('Email atau NIP').fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('link', { name: 'Profil saya' }).waitFor();
  return { browser, context, page };
}
