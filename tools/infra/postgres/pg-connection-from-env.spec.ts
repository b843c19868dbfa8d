import { userInfo } from 'node:os';
import { pgConnectionFromEnv } from './pg-connection-from-env.js';

describe('pgConnectionFromEnv', () => {
  it('names no server when no libpq variable is set', () => {
    expect(pgConnectionFromEnv({ PATH: '/usr/bin', PGAPPNAME: 'shop' })).toBeUndefined();
  });

  it('takes every libpq variable that is set', () => {
    expect(
      pgConnectionFromEnv({
        PGHOST: 'db.internal',
        PGPORT: '6432',
        PGUSER: 'admin',
        PGPASSWORD: 's3cret',
        PGDATABASE: 'ops',
      }),
    ).toEqual({
      host: 'db.internal',
      port: 6432,
      user: 'admin',
      password: 's3cret',
      database: 'ops',
    });
  });

  it("fills the unset ones with libpq's defaults: port 5432, the OS user, a database named after the user", () => {
    expect(pgConnectionFromEnv({ PGPASSWORD: 'x' })).toEqual({
      host: 'localhost',
      port: 5432,
      user: userInfo().username,
      password: 'x',
      database: userInfo().username,
    });
  });

  it('rejects a PGPORT that is not a port number', () => {
    expect(() => pgConnectionFromEnv({ PGPORT: 'fivefour' })).toThrow(/PGPORT/);
  });
});
