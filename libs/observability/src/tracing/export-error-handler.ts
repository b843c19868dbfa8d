import type { ErrorHandler } from '@opentelemetry/core';

/** How often one kind of export failure is logged, at most. */
const QUIET_PERIOD_MS = 60_000;

/**
 * The SDK's handler for failed exports, as one short warning a minute per distinct failure
 * instead of an error line with a stack per batch. An app pointed at a collector that is not
 * there (compose without the `observability` profile) keeps working and drops its spans; it
 * should say so, not fill its log.
 */
export function exportErrorHandler(
  warn: (message: string) => void,
  now: () => number = Date.now,
): ErrorHandler {
  const lastLogged = new Map<string, { at: number; suppressed: number }>();
  return (error) => {
    const reason = reasonOf(error);
    const last = lastLogged.get(reason);
    if (last !== undefined && now() - last.at < QUIET_PERIOD_MS) {
      last.suppressed += 1;
      return;
    }
    const repeats =
      last === undefined || last.suppressed === 0
        ? ''
        : ` (${last.suppressed} more since the last report)`;
    lastLogged.set(reason, { at: now(), suppressed: 0 });
    warn(`cannot export traces, spans are dropped: ${reason}${repeats}`);
  };
}

function reasonOf(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof Error || (typeof error === 'object' && error !== null)) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    if (typeof message === 'string' && message !== '') {
      return typeof code === 'string' && !message.includes(code) ? `${code} ${message}` : message;
    }
  }
  return String(error);
}
