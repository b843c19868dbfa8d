// Four projects, one per test level, so the level is visible in the file name (see
// docs/conventions.md): *.spec.ts beside pure logic, test/static/*.spec.ts parsing what cannot run
// here (compose, Dockerfile, manifests), *.int-spec.ts against real PostgreSQL/Kafka/Redis, and
// test/*.e2e-spec.ts against running processes. NestJS 12 is ESM-only, so tests run as ES modules (needs
// --experimental-vm-modules, set in package.json).
const swcOptions = {
  swcrc: false,
  sourceMaps: 'inline',
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
};

const shared = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  setupFiles: ['<rootDir>/test/support/load-nest-first.ts'],
};

export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,tools,bench}/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,tools}/**/*.int-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/integration-timeouts.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    // Checks of what cannot run here (compose, Dockerfile, Kubernetes manifests) by parsing them.
    { ...shared, displayName: 'static', testMatch: ['<rootDir>/test/static/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
