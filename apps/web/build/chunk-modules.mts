import { relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

/** Where the list is written, beside Vite's manifest. */
export const CHUNK_MODULES_FILE = '.vite/chunk-modules.json';

/**
 * Writes dist/.vite/chunk-modules.json: for each JavaScript file of the build, the modules bundled
 * into it (paths from the repository root, e.g. `node_modules/pdfjs-dist/legacy/build/pdf.mjs`).
 * Vite's manifest says which chunks a page loads; this says what is in them, so a test can hold
 * heavy libraries (pdf.js, the Markdown renderer, the editor, charts) out of the first route.
 */
export function chunkModules(): Plugin {
  const repoRoot = resolve(import.meta.dirname, '../../..');
  return {
    name: 'lumbung:chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks: Record<string, string[]> = {};
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        chunks[file] = output.moduleIds
          .filter((id) => !id.startsWith('\0'))
          .map((id) => relative(repoRoot, id.split('?')[0] ?? id));
      }
      this.emitFile({
        type: 'asset',
        fileName: CHUNK_MODULES_FILE,
        source: `${JSON.stringify(chunks, null, 1)}\n`,
      });
    },
  };
}
