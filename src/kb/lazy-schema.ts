import type * as z from "zod";

/**
 * A schema built on its first use. Building a large zod schema takes milliseconds a command's start cannot spare,
 * and most starts validate nothing (the files were validated before, see validated.ts).
 */
export function lazySchema<T extends z.ZodType>(make: () => T): T {
  let built: T | undefined;
  const schema = (): T => (built ??= make());
  return new Proxy({} as T, {
    get(_, key) {
      const value: unknown = Reflect.get(schema(), key);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(schema()) : value;
    },
    has: (_, key) => Reflect.has(schema(), key),
    ownKeys: () => Reflect.ownKeys(schema()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(schema(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(schema()),
  });
}
