/** A route's own hooks, which its options give as one function, a list, or nothing. */
export function hooksOf<T> (hooks: T | T[] | undefined): T[] {
  return hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]
}
