// parseInstant: the instants users write outside ending_at (settings, fixtures, the control plane) follow
// ending_at's grammar, a date alone being midnight UTC, and take ISO 8601's other forms too.
import { describe, expect, it } from 'vitest'
import { outsideInstantRange, parseInstant } from '../../src/world/instant.js'

const NOON = Date.UTC(2026, 10, 23, 12)

describe('parseInstant', () => {
  it.each([
    ['2026-11-23T12:00:00Z', NOON],
    ['2026-11-23T07:00:00-5:00', NOON], // the one-digit hour offset of Braze's docs
    ['2026-11-23T17:30:00 05:30', NOON], // a + that a query string decoded as a space
    ['2026-11-23T12:00', NOON],
    ['2026-11-23', Date.UTC(2026, 10, 23)],
    ['2026-W48-1T12:00:00Z', NOON], // ISO 8601's week date, through luxon
    ['20261123T120000Z', NOON], // and its basic format
  ])('reads %j', (text, expected) => {
    expect(parseInstant(text)).toBe(expected)
  })

  it.each(['noon', '', '2026-13-01', '0000-06-01', '9999-12-31T12:00:00Z'])('refuses %j', (text) => {
    expect(parseInstant(text)).toBeUndefined()
  })

  it('tells an instant outside 0001-01-02 to 9999-12-31 from text that is no instant', () => {
    for (const text of ['0000-06-01', '0001-01-01T23:00:00Z', '9999-12-31T12:00:00Z', '+010000-01-01T00:00:00Z']) expect(outsideInstantRange(text), text).toBe(true)
    for (const text of ['noon', '2026-13-01', '2026-11-23']) expect(outsideInstantRange(text), text).toBe(false)
  })
})
