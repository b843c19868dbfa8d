/**
 * The wait a `Retry-After` header asks for, in milliseconds: either delay-seconds (`"2"`) or an
 * HTTP-date. Undefined when the header is absent or unreadable: then the server asked nothing.
 */
export function retryAfterMs(
  header: string | string[] | undefined,
  now: number = Date.now(),
): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
