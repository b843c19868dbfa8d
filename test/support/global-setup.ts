import { registerHooks } from 'node:module';

// Jest loads global setup and teardown with plain `require` (transpiled, but without
// moduleNameMapper), so `./x.js` imports of TypeScript sources would not resolve as they do in the
// tests. Fall back to the `.ts` file beside a missing `.js` one for the project's own files.
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      const ownSource = !context.parentURL?.includes('/node_modules/');
      if (ownSource && specifier.startsWith('.') && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw error;
    }
  },
});

/**
 * Starts PostgreSQL and Kafka for the integration tests (see start-test-infrastructure.ts). The
 * import is dynamic so that it runs after the resolution hook above is in place.
 */
export default async function globalSetup(globalConfig: { rootDir: string }): Promise<void> {
  const { startTestInfrastructure } = await import('./start-test-infrastructure.js');
  await startTestInfrastructure(globalConfig.rootDir);
}
