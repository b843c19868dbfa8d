/** The states an order's saga ends in (API.md); anything else is still on its way. */
export const TERMINAL_ORDER_STATUSES = ['CONFIRMED', 'CANCELLED', 'COMPENSATION_FAILED'] as const;

export type OrderEnd = (typeof TERMINAL_ORDER_STATUSES)[number] | 'STILL_PENDING';

export function isTerminal(status: string | undefined): status is OrderEnd {
  return TERMINAL_ORDER_STATUSES.includes(status as (typeof TERMINAL_ORDER_STATUSES)[number]);
}

/**
 * Reads an order's status every `intervalMs` until it is terminal, or gives up after `timeoutMs`
 * with `STILL_PENDING` (a saga that stalls is a finding, not a crash of the load test). A failed
 * read throws, failing the checkout that made it.
 */
export async function awaitTerminalOrder(
  readStatus: () => Promise<string | undefined>,
  options: { intervalMs: number; timeoutMs: number },
): Promise<OrderEnd> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const status = await readStatus();
    if (isTerminal(status)) return status;
    if (Date.now() + options.intervalMs > deadline) return 'STILL_PENDING';
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
  }
}
