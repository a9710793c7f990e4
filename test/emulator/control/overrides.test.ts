// Overrides as a unit (src/emulator/overrides.ts): the list the control plane shows and the lookup the
// series code reads, kept in step through set, replace, remove and clear.
import { describe, expect, it } from 'vitest'
import { Overrides, type OverrideInput } from '../../../src/emulator/overrides.js'

const day = (id: string, dayIndex: number, value: number, metric = 'sessions'): OverrideInput =>
  ({ entity: 'app', id, metric, unit: 'day', dayIndex, value, time: `day ${dayIndex}` })
const hour = (id: string, dayIndex: number, h: number, value: number): OverrideInput =>
  ({ entity: 'app', id, metric: 'sessions', unit: 'hour', dayIndex, hour: h, value, time: `day ${dayIndex} hour ${h}` })

describe('Overrides', () => {
  it('starts empty and answers undefined for everything', () => {
    const overrides = new Overrides()
    expect(overrides.empty).toBe(true)
    expect([overrides.day('sessions', 'a', 1), overrides.hours('sessions', 'a', 1)]).toEqual([undefined, undefined])
  })

  it('looks up a day and the hours of a day, per entity', () => {
    const overrides = new Overrides()
    overrides.set(day('a', 100, 5))
    overrides.set(hour('a', 100, 13, 0))
    overrides.set(hour('a', 100, 14, 9))
    overrides.set(day('b', 101, 7))
    expect(overrides.empty).toBe(false)
    expect(overrides.day('sessions', 'a', 100)).toBe(5)
    expect(overrides.hours('sessions', 'a', 100)).toEqual(new Map([[13, 0], [14, 9]]))
    expect([overrides.day('sessions', 'a', 101), overrides.hours('sessions', 'b', 101), overrides.day('sessions', 'b', 101)]).toEqual([undefined, undefined, 7])
  })

  it('replaces a bucket set again under a new id, and keeps other buckets', () => {
    const overrides = new Overrides()
    overrides.set(day('a', 100, 5))
    overrides.set(hour('a', 100, 13, 1))
    const replaced = overrides.set(day('a', 100, 6))
    expect(replaced).toEqual({ ...day('a', 100, 6), override_id: 'override-3' })
    expect(overrides.list().map(o => [o.override_id, o.value])).toEqual([['override-3', 6], ['override-2', 1]])
    expect(overrides.day('sessions', 'a', 100)).toBe(6)
  })

  it('removes by id and clears, numbering from 1 again', () => {
    const overrides = new Overrides()
    overrides.set(day('a', 100, 5))
    overrides.set(hour('a', 100, 13, 1))
    expect(overrides.remove('override-1')).toBe(true)
    expect(overrides.remove('override-1')).toBe(false)
    expect([overrides.day('sessions', 'a', 100), overrides.hours('sessions', 'a', 100)]).toEqual([undefined, new Map([[13, 1]])])
    overrides.clear()
    expect([overrides.empty, overrides.list(), overrides.hours('sessions', 'a', 100)]).toEqual([true, [], undefined])
    expect(overrides.set(day('a', 1, 1)).override_id).toBe('override-1')
  })

  it('keeps two metrics of one entity apart: a sessions and a DAU override on one app-day never collide', () => {
    const overrides = new Overrides()
    overrides.set(day('a', 100, 5))
    overrides.set(day('a', 100, 3, 'dau'))
    expect(overrides.list().map(o => [o.metric, o.value])).toEqual([['sessions', 5], ['dau', 3]])
    expect([overrides.day('sessions', 'a', 100), overrides.day('dau', 'a', 100), overrides.day('size', 'a', 100)]).toEqual([5, 3, undefined])
  })
})
