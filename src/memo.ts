/** Remembers computed values and forgets them all once `limit` are held: bounded memory, no bookkeeping per hit. */
export class Memo<K, V> {
  private readonly values = new Map<K, V>();

  constructor(private readonly limit: number) {}

  /** The value remembered for a key, computed and remembered on first use. */
  get(key: K, compute: () => V): V {
    if (this.values.has(key)) return this.values.get(key) as V;
    const value = compute();
    if (this.values.size >= this.limit) this.values.clear();
    this.values.set(key, value);
    return value;
  }
}
