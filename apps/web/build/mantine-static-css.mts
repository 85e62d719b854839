import { resolve } from 'node:path';
import { runnerImport, type Plugin } from 'vite';

const VIRTUAL_ID = 'virtual:mantine-theme.css';
const RESOLVED_ID = `\0${VIRTUAL_ID}.css`;

/**
 * Mantine normally injects a `<style>` element with the theme's CSS variables and its responsive
 * helper classes at run time; the portal's CSP (style-src 'self') refuses inline styles. This
 * plugin computes the same CSS from src/app/theme.ts at build time and serves it as the virtual
 * module `virtual:mantine-theme.css`, bundled with the other stylesheets (MantineProvider runs
 * with `withCssVariables={false}` and `withGlobalClasses={false}`).
 */
export function mantineStaticCss(): Plugin {
  const entry = resolve(import.meta.dirname, '../src/app/theme-css.ts');
  return {
    name: 'lumbung:mantine-static-css',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load: {
      filter: { id: /^\0virtual:mantine-theme/ },
      async handler(id) {
        if (id !== RESOLVED_ID) return undefined;
        const { module } = await runnerImport<typeof import('../src/app/theme-css')>(entry, {
          configFile: false,
          logLevel: 'silent',
        });
        this.addWatchFile(resolve(import.meta.dirname, '../src/app/theme.ts'));
        return module.themeCss();
      },
    },
  };
}
