/** What a fake server received, in order, with a way to wait for something to arrive. */
export class Recorder<T> {
  readonly items: T[] = [];
  private waiters: { match: (item: T) => boolean; resolve: (item: T) => void }[] = [];

  constructor(private readonly name: string) {}

  /** Records one item and wakes whoever waits for it. */
  record(item: T): void {
    this.items.push(item);
    for (const w of [...this.waiters]) {
      if (w.match(item)) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve(item);
      }
    }
  }

  /** Resolves with the first recorded (or future) item that matches. */
  waitFor(match: (item: T) => boolean, timeoutMs = 5000): Promise<T> {
    const seen = this.items.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fake ${this.name}: timed out waiting`)), timeoutMs);
      this.waiters.push({ match, resolve: (item) => (clearTimeout(timer), resolve(item)) });
    });
  }
}
