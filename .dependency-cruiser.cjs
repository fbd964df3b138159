/** Architecture rules, checked in `npm test` (docs/ARCHITECTURE.md explains them). */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'module-internals-are-private',
      comment: 'Another centre or module is reached only through its index.ts; tests may also use its testing/ fixtures.',
      severity: 'error',
      from: { path: '^apps/server/src/(centres|modules)/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: {
        path: '^apps/server/src/(centres|modules)/[^/]+/',
        pathNot: ['^apps/server/src/$1/$2/', '^apps/server/src/(centres|modules)/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'tests-use-other-modules-through-index-or-fixtures',
      severity: 'error',
      from: { path: '^apps/server/src/(centres|modules)/([^/]+)/.*\\.test\\.ts$' },
      to: {
        path: '^apps/server/src/(centres|modules)/[^/]+/',
        pathNot: ['^apps/server/src/$1/$2/', '^apps/server/src/(centres|modules)/[^/]+/(index\\.ts|testing/)'],
      },
    },
    {
      name: 'centres-never-use-modules',
      severity: 'error',
      from: { path: '^apps/server/src/centres/' },
      to: { path: '^apps/server/src/modules/' },
    },
    {
      name: 'business-modules-talk-through-events',
      comment: 'Business modules may not import each other; read-side modules (dashboard, supervision) may.',
      severity: 'error',
      from: { path: '^apps/server/src/modules/([^/]+)/', pathNot: '^apps/server/src/modules/(dashboard|supervision)/' },
      to: { path: '^apps/server/src/modules/', pathNot: '^apps/server/src/modules/$1/' },
    },
    {
      name: 'only-repos-and-schemas-touch-drizzle',
      severity: 'error',
      from: { path: '^apps/server/src/', pathNot: ['\\.repo\\.ts$', '/db/', '\\.int\\.test\\.ts$', '/seed/'] },
      to: { path: 'node_modules/drizzle-orm' },
    },
    {
      name: 'kernel-has-no-domain',
      severity: 'error',
      from: { path: '^packages/kernel/' },
      to: { path: '^apps/' },
    },
    {
      name: 'contracts-are-pure',
      comment: 'Contracts and the form engine run in the browser too: no server code.',
      severity: 'error',
      from: { path: '^packages/(contracts|form-engine)/' },
      to: { path: '^(apps|packages/kernel)/|node_modules/(fastify|drizzle-orm|pg)/' },
    },
    {
      name: 'packages-through-their-index',
      comment: 'Apps use a package through what its index.ts exports, never its internal files.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^packages/[^/]+/src/', pathNot: '^packages/[^/]+/src/index\\.tsx?$' },
    },
    {
      name: 'gm-crypto-is-a-leaf',
      comment: 'Shared by server and seal: uses node:crypto and sm-crypto-v2 only, nothing of ours.',
      severity: 'error',
      from: { path: '^packages/gm-crypto/' },
      to: { path: '^(apps|packages)/', pathNot: '^packages/gm-crypto/' },
    },
    {
      name: 'gm-crypto-has-one-dependency',
      comment: 'No npm package but sm-crypto-v2. (Packages that resolve into a dist/ folder are hidden by options.exclude below.)',
      severity: 'error',
      from: { path: '^packages/gm-crypto/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-no-pkg', 'npm-unknown'], pathNot: 'node_modules/sm-crypto-v2/' },
    },
    {
      name: 'web-modules-use-each-other-through-index',
      comment: 'A web module offers other modules only what its index.ts exports (the form renderer, say).',
      severity: 'error',
      from: { path: '^apps/web/src/modules/([^/]+)/' },
      to: { path: '^apps/web/src/modules/[^/]+/', pathNot: ['^apps/web/src/modules/$1/', '^apps/web/src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'web-uses-contracts-not-server',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^(apps/server|apps/seal|packages/kernel)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|drizzle)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    combinedDependencies: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] },
  },
};
