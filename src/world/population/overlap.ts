// Unique users across apps. A user of two apps counts once in the workspace's DAU, MAU and user base, but once
// per app in the sum over apps. With o the workspace's overlap (the share of the summed figure that is a second
// count of someone, in [0, MAX_OVERLAP)):
//
//   unique(x₁..xₙ) = max(max_a x_a, f(Σ_a x_a)),   f(x) = x − ⌊o · x⌋
//
// On whole numbers f is nondecreasing (f(x + 1) − f(x) = 1 − (⌊o(x + 1)⌋ − ⌊ox⌋) ≥ 0 because o < 1), so unique()
// is nondecreasing in every argument; it lies between the largest app and the sum. Those two facts carry the
// per-app rules over to the workspace: a unique user base that never falls, all-apps MAU ≥ the DAU of each day of
// its window, all-apps DAU ≤ Σ DAU.

export const MAX_OVERLAP = 0.3

/** The unique count of users of several apps whose per-app counts are `counts` (whole numbers ≥ 0). */
export function uniqueUsers (counts: readonly number[], overlap: number): number {
  let most = 0
  let total = 0
  for (const count of counts) {
    if (count > most) most = count
    total += count
  }
  return Math.max(most, total - Math.floor(overlap * total))
}

/** The overlap held in [0, MAX_OVERLAP), so f stays nondecreasing and the unique count believable. */
export function clampOverlap (overlap: number): number {
  return Number.isFinite(overlap) ? Math.min(MAX_OVERLAP - 1e-9, Math.max(0, overlap)) : 0
}
