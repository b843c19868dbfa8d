import { effectiveSort } from './effective-sort.js';

describe('effectiveSort', () => {
  it('ranks by relevance when searching without a sort', () => {
    expect(effectiveSort({ q: 'headphones' })).toBe('relevance');
  });

  it('sorts by name when neither searching nor sorting', () => {
    expect(effectiveSort({})).toBe('name');
  });

  it('keeps the sort the caller asked for, searching or not', () => {
    expect(effectiveSort({ q: 'headphones', sort: '-price' })).toBe('-price');
    expect(effectiveSort({ sort: 'newest' })).toBe('newest');
  });

  it('falls back to name for relevance without a search, having nothing to rank by', () => {
    expect(effectiveSort({ sort: 'relevance' })).toBe('name');
  });
});
