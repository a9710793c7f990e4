// Stateless hashing: every generated number is a pure function of its inputs, never of a random stream's
// position, so the same point reads the same whatever was asked before it. Seeded PRNG libraries are
// stateful (the value depends on how many draws came first), which is why these few lines are ours.
// The finaliser is MurmurHash3's fmix32 (public domain, https://github.com/aappleby/smhasher).

function fmix32 (h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Combines two 32-bit values into one well-mixed 32-bit value. Order matters. */
export function mix (a: number, b: number): number {
  return fmix32((Math.imul(a ^ 0x9e3779b9, 0x01000193) ^ b) + 0x7f4a7c15)
}

/** FNV-1a over UTF-16 code units, finalised; for ids and names, computed once at fixture load. */
export function hashString (text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  }
  return fmix32(h)
}

/** Maps a 32-bit hash to a float in [0, 1). */
export function unit (h: number): number {
  return (h >>> 0) / 4294967296
}

/** Maps a 32-bit hash to a float in [-1, 1). */
export function signed (h: number): number {
  return unit(h) * 2 - 1
}
