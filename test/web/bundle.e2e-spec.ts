import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIST = resolve('apps/web/dist');

interface ManifestChunk {
  file: string;
  imports?: string[];
}

/** Libraries that load only on the pages that use them (issue 13). */
const HEAVY =
  /^node_modules\/(pdfjs-dist|marked|dompurify|diff|echarts|@tiptap|prosemirror-[a-z]+)\//;

/**
 * What the first route (/) runs, from the build's manifest (dist/.vite/manifest.json: which files
 * a page loads) and chunk-modules.json (which modules each file holds): the portal's entry and the
 * home page with everything they import statically.
 */
describe('portal bundle: heavy libraries stay out of the first route', () => {
  const read = <T>(file: string): T =>
    JSON.parse(readFileSync(join(DIST, '.vite', file), 'utf8')) as T;
  const manifest = read<Record<string, ManifestChunk>>('manifest.json');
  const modules = read<Record<string, string[]>>('chunk-modules.json');

  const files = (...keys: string[]): string[] => {
    const seen = new Set<string>();
    const visit = (key: string) => {
      if (seen.has(key)) return;
      seen.add(key);
      for (const dep of manifest[key]?.imports ?? []) visit(dep);
    };
    keys.forEach(visit);
    return [...seen].map((key) => manifest[key].file);
  };
  const pageKey = (page: string) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(`/pages/${page}.tsx`));
    if (!key) throw new Error(`no chunk for pages/${page}.tsx`);
    return key;
  };
  const heavyIn = (chunkFiles: string[]): string[] => {
    const libs = chunkFiles.flatMap((f) => modules[f] ?? []).map((m) => HEAVY.exec(m)?.[1]);
    return [...new Set(libs.filter((lib): lib is string => !!lib))].sort();
  };

  it('loads none of pdf.js, the Markdown renderer, the diff, the editor or the charts on /', () => {
    const firstRoute = files('index.html', pageKey('home-page'));
    expect(firstRoute.length).toBeGreaterThan(1);
    expect(heavyIn(firstRoute)).toEqual([]);
  });

  it('finds them where they belong (the check can see a library when it is there)', () => {
    const pdfChunk = Object.keys(modules).filter((f) =>
      modules[f].some((m) => m.endsWith('features/assets/components/pdf-preview.tsx')),
    );
    expect(heavyIn(pdfChunk)).toEqual(['pdfjs-dist']);
    expect(heavyIn(files(pageKey('asset-page')))).toEqual(['dompurify', 'marked']);
    expect(heavyIn(files(pageKey('revisions-page')))).toEqual(['diff']);
  });
});
