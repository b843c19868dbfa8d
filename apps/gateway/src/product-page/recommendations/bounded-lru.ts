/**
 * A map that keeps at most `capacity` entries, dropping the least recently used one to make room:
 * caches fed by traffic must have a ceiling, or a crawler walking the catalog grows them forever.
 * A `Map` remembers insertion order, so re-inserting on use keeps the oldest entry first.
 */
export class BoundedLru<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: Key): Value | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: Key, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      this.entries.delete(this.entries.keys().next().value as Key);
    }
  }
}
