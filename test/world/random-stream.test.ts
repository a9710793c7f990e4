// RandomStream's UUIDs are the ids of every generated entity, so they must never change: the same as the
// first implementation (toString(16) and padStart) wrote them, for any seed.
import { describe, expect, it } from 'vitest'
import { RandomStream } from '../../src/world/random-stream.js'

/** The first implementation, kept here as the reference. */
function referenceUuid (random: RandomStream): string {
  const hex = (n: number) => Math.floor(n).toString(16).padStart(8, '0')
  const a = hex(random.next() * 2 ** 32)
  const b = hex(random.next() * 2 ** 32)
  const c = hex(random.next() * 2 ** 32)
  const d = hex(random.next() * 2 ** 32)
  const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16)
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`
}

describe('RandomStream.uuid', () => {
  it('writes the same UUIDs as the first implementation, for many seeds', () => {
    for (let i = 0; i < 20_000; i++) {
      const seed = [i, i * 7919, 2]
      expect(new RandomStream(seed).uuid()).toBe(referenceUuid(new RandomStream(seed)))
    }
  })

  it('writes the values it always wrote', () => {
    expect(new RandomStream([0]).uuid()).toBe('aecd39d0-c1b8-4528-80f6-df9673c8064b')
    expect(new RandomStream([7, 1, 2, 0]).uuid()).toBe('8f186929-cbf9-410a-8ba1-b1f770f90f10')
  })
})
