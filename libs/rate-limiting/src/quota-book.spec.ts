import { z } from 'zod';
import { loadConfig } from '#libs/config';
import { QuotaBook } from './quota-book.js';
import { localQuotaOverrides } from './quota-overrides.store.js';
import type { QuotaTable } from './quota-table.js';
import { quotaTableVariable } from './quota-table.variable.js';

const configured: QuotaTable = {
  default: { perSecond: 5, burst: 5 },
  callers: {
    order: { quote: { perSecond: 200, burst: 100 }, coupon: { perSecond: 100, burst: 50 } },
  },
};

describe('QuotaBook', () => {
  it('answers from config until a change is made', () => {
    const book = new QuotaBook(configured, localQuotaOverrides());

    expect(book.quotaOf('order', 'coupon')).toEqual({ perSecond: 100, burst: 50 });
    expect(book.quotaOf('product', 'quote')).toEqual({ perSecond: 5, burst: 5 });
  });

  it('changes one class of one caller and leaves the rest as configured', async () => {
    const book = new QuotaBook(configured, localQuotaOverrides());

    await book.change({ callers: { order: { quote: { perSecond: 10, burst: 0 } } } });

    expect(book.quotaOf('order', 'quote')).toEqual({ perSecond: 10, burst: 0 });
    expect(book.quotaOf('order', 'coupon')).toEqual({ perSecond: 100, burst: 50 });
  });

  it('lets a replica pick up a change made through another one sharing its store', async () => {
    const shared = localQuotaOverrides();
    const first = new QuotaBook(configured, shared);
    const second = new QuotaBook(configured, shared);

    await first.change({ callers: { product: { quote: { perSecond: 1, burst: 1 } } } });
    await second.refresh();

    expect(second.quotaOf('product', 'quote')).toEqual({ perSecond: 1, burst: 1 });
  });

  it('keeps changes made through other replicas when it makes its own', async () => {
    const shared = localQuotaOverrides();
    const first = new QuotaBook(configured, shared);
    const second = new QuotaBook(configured, shared);

    await first.change({ default: { perSecond: 2, burst: 0 } });
    await second.change({ callers: { product: { quote: { perSecond: 1, burst: 1 } } } });

    expect(second.current().default).toEqual({ perSecond: 2, burst: 0 });
  });
});

describe('quotaTableVariable', () => {
  const schema = z.object({ RATE_LIMIT_QUOTAS: quotaTableVariable(configured) });

  it('falls back to the given table when the variable is not set', () => {
    expect(loadConfig(schema, {}).RATE_LIMIT_QUOTAS).toEqual(configured);
  });

  it('names the variable when it is not JSON', () => {
    expect(() => loadConfig(schema, { RATE_LIMIT_QUOTAS: '{' })).toThrow(
      /^config error: RATE_LIMIT_QUOTAS must be a JSON quota table/,
    );
  });

  it('names the entry that is wrong', () => {
    const table = {
      default: { perSecond: 1, burst: 0 },
      callers: { order: { quote: { perSecond: -1, burst: 0 } } },
    };
    expect(() => loadConfig(schema, { RATE_LIMIT_QUOTAS: JSON.stringify(table) })).toThrow(
      /^config error: RATE_LIMIT_QUOTAS\.callers\.order\.quote\.perSecond /,
    );
  });
});
