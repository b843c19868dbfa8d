/**
 * A wake-up call that is never lost: a `fire()` that arrives while nobody waits is remembered, so
 * the next `wait()` returns at once. `wait()` otherwise returns after `timeoutMs`.
 */
export class WakeUp {
  private pending = false;
  private wakeWaiter?: () => void;

  fire(): void {
    this.pending = true;
    this.wakeWaiter?.();
  }

  async wait(timeoutMs: number): Promise<void> {
    if (!this.pending) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        this.wakeWaiter = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeWaiter = undefined;
    }
    this.pending = false;
  }
}
