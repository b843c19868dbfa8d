/** What became of one HTTP request: its status, or why there was none. */
export type RequestOutcome = number | 'timeout' | 'network-error';

export function isSuccess(outcome: RequestOutcome): boolean {
  return typeof outcome === 'number' && outcome >= 200 && outcome < 300;
}
