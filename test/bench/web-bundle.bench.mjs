// Benchmark: how much JavaScript the portal's first route costs (issue 13: ≤ 200 KB gzip for the
// first route, with the editor, charts and PDF viewer loaded only where used). Reads the built
// portal (npm run bench builds it): everything index.html loads before any lazy chunk, then the
// home page's own chunk, and each route's lazy chunk on top of the shell. Sizes are gzip -6 of the
// files the API serves, summed; nothing is timed.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './support.mjs';

const DIST = join(ROOT, 'apps/web/dist');
const GOAL_KB = 200;

const kb = (bytes) => bytes / 1024;
const sizes = (files) =>
  files.reduce(
    (acc, file) => {
      const body = readFileSync(join(DIST, file));
      return { raw: acc.raw + body.length, gzip: acc.gzip + gzipSync(body, { level: 6 }).length };
    },
    { raw: 0, gzip: 0 },
  );

/** A chunk and every chunk it imports statically (what the browser fetches before running it). */
function closure(manifest, key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

export default async function run() {
  const manifestFile = join(DIST, '.vite/manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`${manifestFile} is missing: npm run build:web`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // Exactly what index.html makes the browser load: the entry script and its modulepreloads.
  const shellJs = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const shellCss = [...html.matchAll(/href="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
  const shellKeys = new Set(
    Object.keys(manifest).filter((k) => shellJs.includes(manifest[k].file)),
  );
  const routeChunk = (page) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(`/pages/${page}.tsx`));
    if (!key) throw new Error(`no chunk for pages/${page}.tsx in the manifest`);
    return [...closure(manifest, key)]
      .filter((k) => !shellKeys.has(k))
      .map((k) => manifest[k].file);
  };

  const shell = sizes(shellJs);
  const home = sizes(routeChunk('home-page'));
  const firstRoute = { raw: shell.raw + home.raw, gzip: shell.gzip + home.gzip };
  const css = sizes(shellCss);
  const line = (label, s) =>
    `${label.padEnd(44)} ${kb(s.raw).toFixed(1).padStart(8)} KB ${kb(s.gzip).toFixed(1).padStart(8)} KB gzip`;
  process.stdout.write(
    [
      line(`index.html's JavaScript (${shellJs.length} files)`, shell),
      line('+ the home page chunk (/)', home),
      line('= first route (/) JavaScript', firstRoute),
      line("index.html's CSS", css),
      '',
      'each page on top of the shell (its lazy chunk and what only it imports):',
      ...Object.keys(manifest)
        .filter((k) => /\/pages\/[^/]+\.tsx$/.test(k))
        .sort()
        .map((k) =>
          line(
            `  ${k.replace(/^src\/features\//, '')}`,
            sizes(routeChunk(k.split('/pages/')[1].replace('.tsx', ''))),
          ),
        ),
      '',
      `first route ${kb(firstRoute.gzip).toFixed(1)} KB gzip vs goal ≤ ${GOAL_KB} KB: ${kb(firstRoute.gzip) <= GOAL_KB ? 'PASS' : 'FAIL'}`,
      '',
    ].join('\n'),
  );
}
