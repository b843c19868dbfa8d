import type { IncomingMessage } from 'node:http';
import { routeTemplate, UNMATCHED_ROUTE } from './route-template.js';

const requestWithRoute = (path?: string) =>
  ({ route: path === undefined ? undefined : { path } }) as unknown as IncomingMessage;

describe('routeTemplate', () => {
  it('returns the template a request matched, not its URL', () => {
    expect(routeTemplate(requestWithRoute('/products/:id'))).toBe('/products/:id');
  });

  it('labels a request that matched no route as unmatched', () => {
    expect(routeTemplate(requestWithRoute())).toBe(UNMATCHED_ROUTE);
  });

  it("labels Nest's not-found catch-all as unmatched", () => {
    expect(routeTemplate(requestWithRoute('{/*splat}'))).toBe(UNMATCHED_ROUTE);
  });
});
