/**
 * A value that is built the first time anything looks at it, and stands in for it from then on.
 *
 * Why: zod builds each schema node in ~50 µs, and the journal's ~100 nodes built at import cost a
 * Lambda cold start ~13 ms, a quarter of the API function's module init (issue 16), although a
 * request uses a few of them. A schema declared `builtOnFirstUse(() => z.strictObject(…))` is
 * typed and used as the schema itself (parsed, nested in another, extended, turned into JSON
 * Schema); only its building waits for the first use.
 *
 * @example
 * export const withdrawalSchema = builtOnFirstUse(() => z.strictObject({ reason: text(500) }))
 * parseWith(withdrawalSchema, body) // builds it now, once
 */
export function builtOnFirstUse<T extends object>(build: () => T): T {
  let built: T | undefined
  const value = () => (built ??= build())
  // Every way of looking at an object goes to the built value; the empty target only satisfies Proxy.
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(value(), key),
    has: (_, key) => Reflect.has(value(), key),
    ownKeys: () => Reflect.ownKeys(value()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(value(), key)
      // Proxy refuses a fixed property the (empty) target lacks; the built value keeps it fixed.
      return descriptor && { ...descriptor, configurable: true }
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(value()),
    set: (_, key, to) => Reflect.set(value(), key, to),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(value(), key, descriptor),
    deleteProperty: (_, key) => Reflect.deleteProperty(value(), key),
  })
}
