/**
 * Module boundaries (npm run boundaries). Contexts talk through each other's index.ts only;
 * platform knows no domain; apps do not import each other; production code uses no dev tools.
 */
const LIB = '^libs/([^/]+)/';
module.exports = {
  forbidden: [
    {
      name: 'controllers-only-translate',
      comment:
        'A controller turns HTTP into one service call: no DataSource or repositories (SQL and transactions belong to services and repositories) and no job queue (side effects are enqueued by services, in their transaction). ESLint catches the same names imported through a lib index.',
      severity: 'error',
      from: { path: '[.]controller[.]ts$' },
      to: {
        path: [
          'node_modules/typeorm/',
          'node_modules/@nestjs/typeorm/',
          '[.]repository[.]ts$',
          '^libs/platform/src/(jobs|database)/',
        ],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-not-to-apps',
      comment: 'Libraries never depend on applications.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'platform-has-no-domain',
      comment: 'libs/platform is infrastructure: it may not import any domain context.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^libs/', pathNot: '^libs/platform/' },
    },
    {
      name: 'identity-depends-on-platform-only',
      severity: 'error',
      from: { path: '^libs/identity/' },
      to: { path: '^libs/', pathNot: '^libs/(identity|platform)/' },
    },
    {
      name: 'knowledge-depends-on-identity-and-platform',
      comment:
        'Search is downstream of knowledge: knowledge enqueues search.asset through the queue registry (platform) and never imports @lumbung/search.',
      severity: 'error',
      from: { path: '^libs/knowledge/' },
      to: { path: '^libs/', pathNot: '^libs/(knowledge|identity|platform|notifications)/' },
    },
    {
      name: 'community-depends-on-knowledge-identity-platform',
      comment:
        'Search is downstream of community: community enqueues search.meeting through the queue registry (platform) and publishes views; it never imports @lumbung/search.',
      severity: 'error',
      from: { path: '^libs/community/' },
      to: {
        path: '^libs/',
        pathNot: '^libs/(community|knowledge|identity|platform|notifications)/',
      },
    },
    {
      name: 'metrics-depends-on-knowledge-identity-search-platform',
      comment:
        'Metrics reads assets and people; it asks search to pseudonymise its log with the usage retention.',
      severity: 'error',
      from: { path: '^libs/metrics/' },
      to: { path: '^libs/', pathNot: '^libs/(metrics|knowledge|identity|search|platform)/' },
    },
    {
      name: 'risk-depends-on-metrics-community-knowledge-identity-platform',
      comment:
        'The knowledge-at-risk register reads people, assets, CoPs and engagement; only the award reads it.',
      severity: 'error',
      from: { path: '^libs/risk/' },
      to: {
        path: '^libs/',
        pathNot: '^libs/(risk|metrics|community|knowledge|identity|platform|notifications)/',
      },
    },
    {
      name: 'award-depends-on-risk-metrics-community-knowledge-identity-platform',
      comment:
        'The award reads metrics, the CoP log and the register coverage; nothing depends on the award.',
      severity: 'error',
      from: { path: '^libs/award/' },
      to: {
        path: '^libs/',
        pathNot: '^libs/(award|risk|metrics|community|knowledge|identity|platform)/',
      },
    },
    {
      name: 'notifications-depends-on-identity-and-platform',
      comment:
        'Contexts announce events to notifications (and register due scans); it knows only people, never their content tables.',
      severity: 'error',
      from: { path: '^libs/notifications/' },
      to: { path: '^libs/', pathNot: '^libs/(notifications|identity|platform)/' },
    },
    {
      name: 'search-depends-on-knowledge-identity-platform',
      comment:
        'Search is one downstream context: it reads assets through knowledge (read services, the read rule, contract views) and handles the queues their owners write.',
      severity: 'error',
      from: { path: '^libs/search/' },
      to: { path: '^libs/', pathNot: '^libs/(search|knowledge|identity|platform)/' },
    },
    {
      name: 'cross-context-through-index-only',
      comment: 'Another context is reached only through its public index.ts (@lumbung/<lib>).',
      severity: 'error',
      from: { path: `${LIB}` },
      to: { path: '^libs/([^/]+)/src/(?!index\\.ts$).+', pathNot: '^libs/$1/' },
    },
    {
      name: 'apps-use-lib-index-only',
      comment: 'Applications import libraries through @lumbung/<lib>, not their internals.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$).+' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'server-code-never-imports-the-portal',
      comment:
        'The portal (apps/web) is browser code built by Vite; the server neither imports nor bundles it (its own rules: apps/web/.dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: '^(apps/(api|worker|cli)|libs|test)/' },
      to: { path: '^apps/web/' },
    },
    {
      name: 'no-dev-deps-in-production-code',
      comment: 'The API, worker and libraries ship without devDependencies (docker runtime stage).',
      severity: 'error',
      from: { path: '^(apps/(api|worker)|libs)/', pathNot: '\\.(int-)?spec\\.ts$' },
      to: { dependencyTypes: ['npm-dev'], pathNot: 'node_modules/@types/' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|coverage)/|^test/structure/fixtures/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
