/** Health probes and metric scrapes: `/health/live`, `/health/ready`, `/metrics`. */
const PROBE_OR_SCRAPE = /^\/(health\/(live|ready)|metrics)(\?|$)/;

/**
 * Whether a request URL is a probe or a scrape. They arrive every few seconds from machines, so
 * logging them at `info` or tracing them would drown the requests people care about.
 */
export function isProbeOrScrape(url: string | undefined): boolean {
  return PROBE_OR_SCRAPE.test(url ?? '');
}
