/**
 * Boundaries of the portal (npm run boundaries): browser code that talks to the API over HTTP
 * only. It may use the API's generated types (src/lib/api/schema.d.ts), never server code; shared
 * building blocks (lib, components, i18n) know no feature; features meet only in the app shell.
 */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'no-server-code-in-the-portal',
      comment: 'Only the generated API types cross over; DTOs and services stay on the server.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(libs|apps/(api|worker|cli)|test)/' },
    },
    {
      name: 'shared-code-knows-no-feature',
      comment: 'lib/, components/ and i18n/ are used by every feature and import none of them.',
      severity: 'error',
      from: { path: '^apps/web/src/(lib|components|i18n)/' },
      to: { path: '^apps/web/src/(features|app)/' },
    },
    {
      name: 'features-reach-other-features-through-routes-only',
      comment:
        'A feature links to another by URL; shared pieces move to components/ or lib/ instead of being imported across features.',
      severity: 'error',
      from: { path: '^apps/web/src/features/([^/]+)/' },
      to: { path: '^apps/web/src/features/', pathNot: '^apps/web/src/features/$1/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      // Vite's virtual modules and its type reference are not files.
      to: { couldNotResolve: true, pathNot: '^(virtual:|vite/client$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^apps/web/dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'browser', 'default'],
      extensions: ['.ts', '.tsx', '.mts', '.d.ts', '.js', '.mjs', '.json'],
    },
  },
};
