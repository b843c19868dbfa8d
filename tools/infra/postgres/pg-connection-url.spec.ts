import { pgConnectionFromUrl } from './pg-connection-from-url.js';
import { pgConnectionUrl } from './pg-connection-url.js';

describe('pgConnectionUrl', () => {
  it('writes host, port, credentials and database as a postgres:// URL', () => {
    expect(
      pgConnectionUrl({
        host: '127.0.0.1',
        port: 55433,
        user: 'orders',
        password: 'pw',
        database: 'orders',
      }),
    ).toBe('postgres://orders:pw@127.0.0.1:55433/orders');
  });

  it('survives a round trip through the URL parser with any password and an IPv6 host', () => {
    const connection = {
      host: '::1',
      port: 5432,
      user: 'svc',
      password: "p@ss:/w?rd#'%",
      database: 'shop',
    };

    expect(pgConnectionFromUrl(pgConnectionUrl(connection))).toEqual(connection);
  });
});
