import { INSTRUMENTED_MODULES } from './instrumented-modules.js';
import { microshopInstrumentations } from './instrumentations.js';

describe('microshopInstrumentations', () => {
  it('patches only modules the loader hook is told to wrap', () => {
    const instrumentations = microshopInstrumentations();
    for (const instrumentation of instrumentations) instrumentation.disable();
    const patched = instrumentations.flatMap(
      // Private in the SDK; read here only to keep INSTRUMENTED_MODULES in step.
      (instrumentation) =>
        (instrumentation as unknown as { _modules: { name: string }[] })._modules,
    );
    expect(patched.length).toBeGreaterThan(0);
    expect([...new Set(patched.map(({ name }) => name))].sort()).toEqual(
      [...INSTRUMENTED_MODULES].sort(),
    );
  });
});
