/**
 * The architecture, checked on every `npm test` (STYLE.md habit 3):
 * libraries never import apps, apps never import each other, tools never import app internals,
 * and every lib is used through its one `index.ts`.
 */
module.exports = {
  forbidden: [
    {
      name: 'libs-never-import-apps',
      comment: 'Shared libraries must not know about the apps that use them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-never-import-each-other',
      comment: 'Apps talk over HTTP and Kafka, never through each other’s code.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'libs-only-through-their-index',
      comment:
        'A lib offers what its index.ts lists; reaching into its files couples to internals.',
      severity: 'error',
      from: { pathNot: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)' },
    },
    {
      name: 'no-deep-imports-between-libs',
      comment: 'One lib uses another through its index.ts only.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)', pathNot: '^libs/$1/' },
    },
    {
      name: 'tools-never-import-apps',
      comment: 'The local stack starts apps as processes; it does not link their code.',
      severity: 'error',
      from: { path: '^tools/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-circular',
      comment: 'Cycles make ES module initialisation order (and decorator metadata) fragile.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules|\\.data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
      mainFields: ['types', 'module', 'main'],
    },
  },
};
