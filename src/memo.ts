import { LRUCache } from "lru-cache";

/** Remembers computed values, least recently used forgotten first beyond `limit`, each for at most `ttlMs` if given. */
export class Memo<K extends {}, V> {
  // Boxed: the cache library holds no null or undefined values, and "no match" is a value worth remembering.
  private readonly values: LRUCache<K, { v: V }>;

  constructor(limit: number, ttlMs?: number) {
    this.values = new LRUCache<K, { v: V }>({ max: limit, ...(ttlMs ? { ttl: ttlMs } : {}) });
  }

  /** The value remembered for a key, computed and remembered on first use. */
  get(key: K, compute: () => V): V {
    const hit = this.values.get(key);
    if (hit !== undefined) return hit.v;
    const value = compute();
    this.values.set(key, { v: value });
    return value;
  }
}
