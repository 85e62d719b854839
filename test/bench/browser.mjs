// The browser benches' Chromium (Debian's, through playwright-core) and a signed-in tab.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PASSWORD, ROOT } from './search-stack.mjs';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium, or null (with the reason printed by `out`) when it is missing. */
export async function launchChromium(out) {
  if (!existsSync(CHROMIUM)) {
    out(`SKIPPED: ${CHROMIUM} is missing (apt-get install -y chromium, or set CHROMIUM_PATH)`);
    return null;
  }
  if (!existsSync(join(ROOT, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: npm run build:web (npm run bench builds it)');
  }
  const { chromium } = require(join(ROOT, 'node_modules/playwright-core'));
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

/** A fresh profile at 1280 px, signed in through the form as `email` (the demo password). */
export async function signedInTab(browser, baseURL, email) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
  });
  const page = await context.newPage();
  await page.goto('/masuk');
  await page.getByLabel('Email atau NIP').fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('link', { name: 'Profil saya' }).waitFor();
  return { context, page };
}
