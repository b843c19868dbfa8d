import { demoCatalog } from '#libs/demo-data';
import type { ShopClient } from '../shop/shop-client.js';
import { browseOperation } from './browse-operation.js';

/** Stands in for the gateway: remembers each call, answers product pages as degraded. */
function fakeClient() {
  const calls: { kind: string; path: string }[] = [];
  const counts: string[] = [];
  const client = {
    expect: async (kind: string, _method: string, path: string) => {
      calls.push({ kind, path });
      return kind === 'product page'
        ? { recommendations: { status: 'degraded', reason: 'timeout' } }
        : { items: [] };
    },
    count: (name: string) => counts.push(name),
  };
  return { client: client as unknown as ShopClient, calls, counts };
}

describe('the browse mix', () => {
  it('sends each kind of request in proportion to its weight, to real catalog paths', async () => {
    const { client, calls, counts } = fakeClient();
    let seed = 42;
    // A small linear congruential generator: deterministic, evenly spread.
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const browse = browseOperation(client, random);
    for (let n = 0; n < 4_000; n++) await browse();

    const byKind: Record<string, { kind: string; path: string }[]> = {};
    for (const call of calls) (byKind[call.kind] ??= []).push(call);
    expect(Object.keys(byKind).sort()).toEqual([
      'category listing',
      'listing',
      'product',
      'product page',
      'search',
    ]);
    const share = (kind: string) => byKind[kind]!.length / calls.length;
    expect(share('listing')).toBeCloseTo(0.25, 1);
    expect(share('search')).toBeCloseTo(0.2, 1);
    expect(share('product page')).toBeCloseTo(0.15, 1);

    const ids = new Set(demoCatalog().map((product) => product.id));
    for (const { path } of byKind.product!) expect(ids.has(path.split('/').at(-1)!)).toBe(true);
    for (const { path } of byKind.search!)
      expect(path).toMatch(/^\/api\/products\?q=[a-z]{4,}&pageSize=20$/);
    expect(byKind['category listing']![0]!.path).toMatch(
      /categoryId=[a-z-]+&page=[1-5]&pageSize=20/,
    );
    expect(counts).toHaveLength(byKind['product page']!.length);
    expect(counts[0]).toBe('recommendations degraded (timeout)');
  });
});
