/**
 * Splits a whole number into whole parts proportional to `weights` (largest remainder method), so the parts
 * sum exactly to the total; ties go to the earlier index, so the result is deterministic.
 *
 * With `capped`, the weights are whole numbers that are also ceilings: no part exceeds its weight (the total
 * must not exceed their sum). The method already guarantees that in exact arithmetic; the cap makes it hold
 * under floating-point rounding too. It is what keeps a segment's hourly sessions under the app's.
 */
export function split (total: number, weights: readonly number[], capped = false): number[] {
  const n = weights.length
  let sum = 0
  for (let i = 0; i < n; i++) sum += weights[i]!
  const parts = new Array<number>(n)
  if (sum <= 0 || total <= 0) return parts.fill(0)

  // Fresh per call rather than shared scratch at module level: n is a day's hours, and module state would be
  // shared by every emulator in the process.
  const remainders = new Float64Array(n)
  let assigned = 0
  for (let i = 0; i < n; i++) {
    const exact = (total * weights[i]!) / sum
    let floor = Math.floor(exact)
    if (capped && floor > weights[i]!) floor = weights[i]!
    parts[i] = floor
    remainders[i] = exact - floor
    assigned += floor
  }
  let left = total - assigned
  if (left > 0) {
    const order = byRemainder(remainders, new Int32Array(n))
    for (let j = 0; left > 0 && j < n; j++) {
      const i = order[j]!
      if (capped && parts[i]! >= weights[i]!) continue
      parts[i]! += 1
      left--
    }
    // Only reachable with `capped` when rounding left a unit over: give it to any part with room.
    for (let i = 0; left > 0 && i < n; i++) {
      const room = weights[i]! - parts[i]!
      const add = Math.min(room, left)
      parts[i]! += add
      left -= add
    }
  }
  return parts
}

/**
 * Indices 0..n-1 by remainder, largest first, ties to the earlier index: a strict total order, so any
 * correct sort gives the same result. Insertion sort: n is a day's hours (23 to 25), where it beats
 * Array.prototype.sort with a comparator and needs no allocation.
 */
function byRemainder (remainders: Float64Array, order: Int32Array): Int32Array {
  const n = order.length
  for (let i = 0; i < n; i++) {
    const r = remainders[i]!
    let j = i - 1
    // Earlier indices are inserted first, so an equal remainder stays ahead: only strictly smaller ones move.
    while (j >= 0 && remainders[order[j]!]! < r) {
      order[j + 1] = order[j]!
      j--
    }
    order[j + 1] = i
  }
  return order
}
