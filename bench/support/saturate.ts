import autocannon from 'autocannon';

export interface SaturationTarget {
  url: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A closed loop at saturation (autocannon, keep-alive connections, no pipelining): the mean rate it
 * sustained and how many requests failed (errors and non-2xx answers).
 */
export async function saturate(target: SaturationTarget): Promise<{ rps: number; errors: number }> {
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers,
    body: target.body,
    connections: target.connections,
    pipelining: 1,
    duration: target.seconds,
  });
  return { rps: result.requests.average, errors: result.errors + result.non2xx };
}
