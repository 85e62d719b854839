import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { login } from '../../support/factories';
import { createTestApp, type TestApp } from '../../support/test-app';

/**
 * Browser journeys through the real portal: the real API (same module and setup as main.ts) on a
 * fresh database serves the built SPA on a loopback port, and Debian's Chromium drives it.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve('test-results/screenshots');
const WEB_DIST = resolve('apps/web/dist/index.html');

/** The flags known to work here: no sandbox as root, no network chatter beyond loopback. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 360, height: 740 } as const;

export interface Portal {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the API (serving apps/web/dist) and Chromium; fails loudly when either is missing.
 * `port` 0 is any free port (a fixed one when a redirect URI must name it, as for SSO).
 */
export async function startPortal(env: Record<string, string> = {}, port = 0): Promise<Portal> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser journeys need Debian's Chromium (apt-get install -y chromium)`,
    );
  }
  if (!existsSync(WEB_DIST)) {
    throw new Error(`${WEB_DIST} is missing: build the portal first (npm run build:web)`);
  }
  const t = await createTestApp(env);
  await t.app.listen(port, '127.0.0.1');
  const listening = (t.app.getHttpServer().address() as AddressInfo).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    t,
    baseUrl: `http://127.0.0.1:${listening}`,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Starts signed in as this user (a real login; the refresh cookie restores the session). */
  as?: { email: string; password?: string };
}

/** A browser tab on the portal that records every problem a person would never see. */
export interface PortalTab {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught errors, CSP violations and 5xx answers seen so far. */
  problems: string[];
  /** Fails with the list when anything went wrong on any page of this context. */
  expectNoProblems(): void;
  close(): Promise<void>;
}

/**
 * Opens a browser context (a fresh profile: own cookies and storage) at a viewport. Every page
 * of it is watched: console errors, page errors, Content-Security-Policy violations and server
 * errors are collected in `problems`. HTTP 4xx answers of the API are answers the page handles
 * (Chromium logs them as "Failed to load resource"); the journeys assert what the page shows.
 */
export async function openPortal(portal: Portal, options: OpenOptions = {}): Promise<PortalTab> {
  const viewport = options.viewport ?? DESKTOP;
  const storageState = options.as ? await signedInState(portal, options.as) : undefined;
  const context = await portal.browser.newContext({
    baseURL: portal.baseUrl,
    viewport,
    locale: 'id-ID',
    storageState,
    userAgent: personUserAgent(portal.browser),
  });
  const problems: string[] = [];
  await context.exposeBinding('__lumbungCspViolation', (_source, text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  // A string, not a function: this file is compiled without the DOM library.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => {
      window.__lumbungCspViolation(e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') +
        ' (' + e.sourceFile + ':' + e.lineNumber + ')');
    });`,
  });
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const handledApiAnswer =
      /^Failed to load resource: the server responded with a status of 4\d\d/.test(
        message.text(),
      ) && new URL(url, portal.baseUrl).pathname.startsWith('/api/');
    if (!handledApiAnswer) problems.push(`console error: ${message.text()} (${url})`);
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  context.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
  });
  const page = await context.newPage();
  return {
    context,
    page,
    problems,
    expectNoProblems: () => expect(problems).toEqual([]),
    close: () => context.close(),
  };
}

/**
 * Chromium's user agent as a person's browser sends it: headless Chromium says "HeadlessChrome",
 * which the API treats as a robot (its reads and downloads are served but never recorded), while
 * the journeys act as people whose views, downloads and clicks count.
 */
function personUserAgent(browser: Browser): string {
  return `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${browser.version()} Safari/537.36`;
}

/** Cookies and storage of a browser that signed in as `user` (the API's real login). */
async function signedInState(
  portal: Portal,
  user: { email: string; password?: string },
): Promise<Exclude<BrowserContextOptions['storageState'], string | undefined>> {
  const session = await login(() => portal.t.http(), user);
  const eq = session.cookie.indexOf('=');
  return {
    cookies: [
      {
        name: session.cookie.slice(0, eq),
        value: session.cookie.slice(eq + 1),
        domain: '127.0.0.1',
        path: '/',
        expires: Math.floor(Date.now() / 1000) + 3600,
        httpOnly: true,
        secure: false,
        sameSite: 'Strict',
      },
    ],
    origins: [{ origin: portal.baseUrl, localStorage: [{ name: 'lumbung.signedIn', value: '1' }] }],
  };
}

/** Signs in through the form, as a person does: "Email atau NIP", "Kata sandi", "Masuk". */
export async function signInWithForm(
  page: Page,
  username: string,
  password: string,
): Promise<void> {
  await page.getByLabel('Email atau NIP').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
}

/**
 * An axe-core scan of the page as it is now (WCAG 2.0–2.2 A and AA rules); fails listing every
 * serious or critical violation with the elements it found.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    // One axe.run in the page itself: the portal has no iframes, and the default mode opens an
    // extra blank page per scan to merge frame results (most of a scan's time here).
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect({ url: page.url(), serious }).toEqual({ url: page.url(), serious: [] });
}

/**
 * A full-page screenshot named `<name>-<width>.png` in test-results/screenshots (the run prints
 * the folder at its end).
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true }: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = join(SCREENSHOT_DIR, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

/**
 * Moves to `path` inside the running app, as a click on a link would (no reload: the session,
 * the loaded chunks and axe stay); the router follows the History API's popstate.
 */
export async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate(
    `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'));`,
  );
}

/**
 * Waits until the routed page has rendered its h1 (its chunk and texts are loaded) and none of
 * its sections still shows a loading state.
 */
export async function waitForPage(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  const loading = page.getByRole('status').filter({ hasText: /^(Memuat|Loading)…$/ });
  await until(
    () => loading.count(),
    (n) => n === 0,
  );
}

/** Polls `read` until `accept` holds (or fails after `timeoutMs` with the last value). */
export async function until<T>(
  read: () => T | Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`condition not met; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The tabs a suite opens: `open()` gives a watched tab (see openPortal), `closeAll()` (in
 * `afterEach`) fails the test on any problem a tab saw and closes them all.
 */
export function portalTabs(portal: () => Portal): {
  open: (options?: OpenOptions) => Promise<PortalTab>;
  closeAll: () => Promise<void>;
} {
  const tabs: PortalTab[] = [];
  return {
    open: async (options) => {
      const tab = await openPortal(portal(), options);
      tabs.push(tab);
      return tab;
    },
    closeAll: async () => {
      for (const tab of tabs.splice(0)) {
        tab.expectNoProblems();
        await tab.close();
      }
    },
  };
}
