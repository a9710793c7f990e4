import { describe, expect, it } from 'vitest'
import { Clock } from '../../src/emulator/clock.js'

const T0 = Date.UTC(2026, 10, 23, 12)
const PIN = Date.UTC(2025, 0, 1)

/** A system time that a test moves by hand. */
function fakeSystem (start = T0) {
  let now = start
  return { now: () => now, tick: (ms: number) => { now += ms } }
}

describe('Clock: real time', () => {
  it('follows the system time', () => {
    const system = fakeSystem()
    const clock = new Clock(undefined, system.now)
    expect(clock.now()).toBe(T0)
    system.tick(1234)
    expect(clock.now()).toBe(T0 + 1234)
    expect(clock.state()).toEqual({ mode: 'real', now: T0 + 1234, offsetMs: 0 })
  })

  it('reads Date.now when no time source is given', () => {
    const before = Date.now()
    const now = new Clock().now()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })

  it('advances by an offset and keeps running from there', () => {
    const system = fakeSystem()
    const clock = new Clock(undefined, system.now)
    clock.advance(60_000)
    expect(clock.now()).toBe(T0 + 60_000)
    system.tick(5)
    expect(clock.now()).toBe(T0 + 60_005)
    clock.advance(-120_000)
    expect(clock.state()).toEqual({ mode: 'real', now: T0 - 59_995, offsetMs: -60_000 })
  })
})

describe('Clock: pinned', () => {
  it('stands still while the system time moves', () => {
    const system = fakeSystem()
    const clock = new Clock(PIN, system.now)
    system.tick(10_000)
    expect(clock.now()).toBe(PIN)
    expect(clock.state()).toEqual({ mode: 'pinned', now: PIN, offsetMs: 0 })
  })

  it('pins a real clock, dropping its offset', () => {
    const system = fakeSystem()
    const clock = new Clock(undefined, system.now)
    clock.advance(5000)
    clock.pin(PIN)
    system.tick(1000)
    expect(clock.state()).toEqual({ mode: 'pinned', now: PIN, offsetMs: 0 })
  })

  it('can be pinned to the epoch itself', () => {
    const clock = new Clock(0, fakeSystem().now)
    expect(clock.state()).toEqual({ mode: 'pinned', now: 0, offsetMs: 0 })
  })

  it('moves by exactly the amount advanced, forwards and back', () => {
    const system = fakeSystem()
    const clock = new Clock(PIN, system.now)
    clock.advance(3_600_000)
    expect(clock.now()).toBe(PIN + 3_600_000)
    clock.advance(-7_200_000)
    system.tick(999)
    expect(clock.state()).toEqual({ mode: 'pinned', now: PIN - 3_600_000, offsetMs: 0 })
  })

  it('releases to the system time with no offset', () => {
    const system = fakeSystem()
    const clock = new Clock(PIN, system.now)
    clock.advance(42)
    clock.release()
    expect(clock.state()).toEqual({ mode: 'real', now: T0, offsetMs: 0 })
  })

  it('releases a real clock\'s offset too', () => {
    const system = fakeSystem()
    const clock = new Clock(undefined, system.now)
    clock.advance(42)
    clock.release()
    expect(clock.state()).toEqual({ mode: 'real', now: T0, offsetMs: 0 })
  })
})

describe('Clock: reset', () => {
  it('goes back to the configured pin after any changes', () => {
    const system = fakeSystem()
    const clock = new Clock(PIN, system.now)
    clock.pin(T0 + 1)
    clock.advance(500)
    clock.release()
    clock.advance(77)
    clock.reset()
    expect(clock.state()).toEqual({ mode: 'pinned', now: PIN, offsetMs: 0 })
  })

  it('goes back to real time with no offset when it started real', () => {
    const system = fakeSystem()
    const clock = new Clock(undefined, system.now)
    clock.pin(PIN)
    clock.reset()
    expect(clock.state()).toEqual({ mode: 'real', now: T0, offsetMs: 0 })
    clock.advance(1000)
    clock.reset()
    expect(clock.state()).toEqual({ mode: 'real', now: T0, offsetMs: 0 })
  })
})
