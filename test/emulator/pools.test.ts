import { describe, expect, it } from 'vitest'
import { Pools } from '../../src/emulator/pools.js'

const HOUR = 3_600_000
const T = Date.UTC(2026, 10, 23, 12, 30) // 12:30Z; the window ends at 13:00Z

describe('Pools', () => {
  it('counts down a fixed window that ends at the top of the next UTC hour', () => {
    const limits = new Pools()
    expect(limits.take('w', 'default', 3, T)).toEqual({ allowed: true, limit: 3, remaining: 2, reset: Date.UTC(2026, 10, 23, 13) / 1000, retryAfter: 1800 })
    expect(limits.take('w', 'default', 3, T + 1000).remaining).toBe(1)
    expect(limits.take('w', 'default', 3, T + 2000).remaining).toBe(0)
    expect(limits.take('w', 'default', 3, T + 3000)).toEqual({ allowed: false, limit: 3, remaining: 0, reset: Date.UTC(2026, 10, 23, 13) / 1000, retryAfter: 1797 })
  })

  it('gives each workspace its own pool', () => {
    const limits = new Pools()
    limits.take('a', 'default', 1, T)
    expect(limits.take('a', 'default', 1, T).allowed).toBe(false)
    expect(limits.take('b', 'default', 1, T).allowed).toBe(true)
  })

  it('refills when the clock enters another window, forwards or backwards', () => {
    const limits = new Pools()
    limits.take('w', 'default', 1, T)
    expect(limits.take('w', 'default', 1, T).allowed).toBe(false)
    expect(limits.take('w', 'default', 1, T + HOUR).allowed).toBe(true)
    expect(limits.take('w', 'default', 1, T - HOUR).allowed).toBe(true)
    expect(limits.take('w', 'default', 1, T - HOUR).allowed).toBe(false)
  })

  it('counts the last millisecond of a window in that window', () => {
    const limits = new Pools()
    const end = Date.UTC(2026, 10, 23, 13)
    expect(limits.take('w', 'default', 5, end - 1)).toMatchObject({ reset: end / 1000, retryAfter: 1 })
    expect(limits.take('w', 'default', 5, end)).toMatchObject({ remaining: 4, reset: end / 1000 + 3600, retryAfter: 3600 })
  })

  it('refills every pool on reset', () => {
    const limits = new Pools()
    limits.take('w', 'default', 1, T)
    limits.reset()
    expect(limits.take('w', 'default', 1, T).allowed).toBe(true)
  })

  it('keeps each pool of a workspace apart', () => {
    const limits = new Pools()
    limits.take('w', 'default', 1, T)
    expect(limits.take('w', 'default', 1, T).allowed).toBe(false)
    expect(limits.take('w', 'custom-data', 1, T).allowed).toBe(true)
    expect(limits.take('w', 'campaign-analytics', 1, T).allowed).toBe(true)
  })

  it('counts a per-minute pool in windows aligned to the UTC minute', () => {
    const limits = new Pools()
    const at = Date.UTC(2026, 10, 23, 12, 30, 15)
    expect(limits.take('w', 'campaign-analytics', 2, at)).toEqual({
      allowed: true, limit: 2, remaining: 1, reset: Date.UTC(2026, 10, 23, 12, 31) / 1000, retryAfter: 45,
    })
    limits.take('w', 'campaign-analytics', 2, at)
    expect(limits.take('w', 'campaign-analytics', 2, at).allowed).toBe(false)
    expect(limits.take('w', 'campaign-analytics', 2, at + 45_000).allowed).toBe(true)
  })
})
