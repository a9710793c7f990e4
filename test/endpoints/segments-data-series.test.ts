// GET /segments/data_series through the real app (BRAZE.md sections 4 and 6): which days come back, how
// ending_at is read in every form clients send, zeros before a segment existed and after now, determinism.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { BUILT_IN, get, testApp } from '../helpers.js'

const { lumen, harbor } = BUILT_IN
const DAY_MS = 86_400_000

interface SizePoint { time: string, size: number }
interface SizeSeries { message: string, data: SizePoint[] }

/** `count` consecutive dates ending with `last` (YYYY-MM-DD), oldest first. */
function dayRange (last: string, count: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`)
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * DAY_MS).toISOString().slice(0, 10))
}

async function series (app: BrazeMockApp, query: string, key: string = lumen.keys.full): Promise<SizeSeries> {
  const response = await get(app, `/segments/data_series?${query}`, key)
  expect(response.status, response.raw).toBe(200)
  return response.body as SizeSeries
}

describe('GET /segments/data_series: the days', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it('answers a small request with the whole body in Braze\'s shape', async () => {
    const response = await get(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3&ending_at=2022-12-09`)
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({
      message: 'success',
      data: [
        { time: '2022-12-06', size: expect.any(Number) },
        { time: '2022-12-07', size: expect.any(Number) },
        { time: '2022-12-08', size: expect.any(Number) },
      ],
    })
    for (const point of (response.body as SizeSeries).data) {
      expect(Number.isSafeInteger(point.size)).toBe(true)
      expect(point.size).toBeGreaterThan(0)
    }
    // Serialised exactly like this: message first, then data; time, then size.
    const [a, b, c] = (response.body as SizeSeries).data
    expect(response.raw).toBe(`{"message":"success","data":[{"time":"2022-12-06","size":${a!.size}},` +
      `{"time":"2022-12-07","size":${b!.size}},{"time":"2022-12-08","size":${c!.size}}]}`)
  })

  it.each([1, 2, 14, 30, 99, 100])('returns exactly length=%i consecutive days, oldest first', async (length) => {
    const body = await series(app, `segment_id=${lumen.segments.active7Days}&length=${length}&ending_at=2025-03-01`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2025-02-28', length))
  })

  it('accepts length with leading zeros', async () => {
    const body = await series(app, `segment_id=${lumen.segments.allUsers}&length=007&ending_at=2025-03-01`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2025-02-28', 7))
  })

  it('treats ending_at as exclusive: ending_at=2022-12-09&length=99 is 2022-09-01 through 2022-12-08', async () => {
    const body = await series(app, `segment_id=${lumen.segments.allUsers}&length=99&ending_at=2022-12-09`)
    expect(body.data).toHaveLength(99)
    expect(body.data[0]!.time).toBe('2022-09-01')
    expect(body.data[98]!.time).toBe('2022-12-08')
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2022-12-08', 99))
    for (const point of body.data) expect(point.size).toBeGreaterThan(0)
  })

  it('answers the docs\' own example: ending_at=2018-06-27T23:59:59-5:00&length=14 ends on 2018-06-28 in UTC, all zero', async () => {
    // 23:59:59-05:00 is 04:59:59Z the next day; All Users was created 2019-03-04, so every day reads 0.
    const response = await get(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=14&ending_at=2018-06-27T23:59:59-5:00`)
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({
      message: 'success',
      data: dayRange('2018-06-28', 14).map(time => ({ time, size: 0 })),
    })
    expect((response.body as SizeSeries).data[0]!.time).toBe('2018-06-15')
  })

  it('fills a window that spans a leap day without gaps', async () => {
    const body = await series(app, `segment_id=${lumen.segments.allUsers}&length=5&ending_at=2024-03-03`)
    expect(body.data.map(p => p.time)).toStrictEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'])
  })

  it('fills a window that spans a year end without gaps', async () => {
    const body = await series(app, `segment_id=${lumen.segments.allUsers}&length=4&ending_at=2025-01-02T12:00:00Z`)
    expect(body.data.map(p => p.time)).toStrictEqual(['2024-12-30', '2024-12-31', '2025-01-01', '2025-01-02'])
  })

  it('takes ending_at between 0001-01-02 and 9999-12-31 only, so every window is written YYYY-MM-DD', async () => {
    // The rule we chose (BRAZE.md is silent): a window of up to 100 days before the earliest ending_at
    // reaches year 0000 at most, never a negative year; the latest ending_at keeps every zone in year 9999.
    // Regression: these are ISO 8601, and were told they were not; the answer names the range instead.
    const OUTSIDE = { message: 'ending_at must be between 0001-01-02 and 9999-12-31 (UTC)' }
    for (const endingAt of ['0000-02-01', '0001-01-01', '9999-12-31T23:59:59-18:00', '9999-12-31T00:00:00.001Z']) {
      const refused = await get(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=100&ending_at=${endingAt}`)
      expect({ endingAt, status: refused.status, body: refused.body }).toStrictEqual({ endingAt, status: 400, body: OUTSIDE })
    }
    const INVALID = { message: 'ending_at must be an ISO 8601 date or date-time, such as 2018-06-27T23:59:59-05:00' }
    for (const endingAt of ['10000-01-01', '2026-13-01', 'yesterday']) {
      const refused = await get(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=100&ending_at=${endingAt}`)
      expect({ endingAt, status: refused.status, body: refused.body }).toStrictEqual({ endingAt, status: 400, body: INVALID })
    }
    const earliest = await get(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=100&ending_at=0001-01-02`)
    expect(earliest.status).toBe(200)
    const times = (earliest.body as SizeSeries).data.map(p => p.time)
    expect([times[0], times.at(-1)]).toStrictEqual(['0000-09-24', '0001-01-01'])
    const latest = await get(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=2&ending_at=9999-12-31`)
    expect((latest.body as SizeSeries).data.map(p => p.time)).toStrictEqual(['9999-12-29', '9999-12-30'])
  })
})

describe('GET /segments/data_series: every ending_at form clients send', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  const SEGMENT = lumen.segments.allUsers

  it.each([
    { form: 'offset -05:00', endingAt: '2022-12-08T23:59:59-05:00', last: '2022-12-09' },
    { form: 'one-digit offset -5:00 (the docs\' example)', endingAt: '2022-12-08T23:59:59-5:00', last: '2022-12-09' },
    { form: 'offset -05:00 before midnight UTC', endingAt: '2022-12-08T18:59:59-05:00', last: '2022-12-08' },
    { form: 'Z', endingAt: '2022-12-08T12:00:00Z', last: '2022-12-08' },
    { form: 'Z at midnight (exclusive)', endingAt: '2022-12-08T00:00:00Z', last: '2022-12-07' },
    { form: 'Z one millisecond after midnight', endingAt: '2022-12-08T00:00:00.001Z', last: '2022-12-08' },
    { form: 'offset +0200 (no colon)', endingAt: '2022-12-08T01:30:00%2B0200', last: '2022-12-07' },
    { form: 'offset +0200 later in the day', endingAt: '2022-12-08T12:00:00%2B0200', last: '2022-12-08' },
    { form: 'offset +02:00, encoded', endingAt: '2022-12-08T01:00:00%2B02:00', last: '2022-12-07' },
    { form: 'fractional seconds with an offset', endingAt: '2022-12-08T12:00:00.123456%2B02:00', last: '2022-12-08' },
    { form: 'fractional seconds, nine digits, Z', endingAt: '2022-12-08T23:59:59.999999999Z', last: '2022-12-08' },
    { form: 'no offset (UTC)', endingAt: '2022-12-08T00:30:00', last: '2022-12-08' },
    { form: 'no offset at midnight (UTC, exclusive)', endingAt: '2022-12-08T00:00:00', last: '2022-12-07' },
    { form: 'date only', endingAt: '2022-12-08', last: '2022-12-07' },
    { form: 'an unencoded + read as a space', endingAt: '2022-12-08T12:00:00+02:00', last: '2022-12-08' },
    { form: 'an unencoded + read as a space, the sign deciding the day', endingAt: '2022-12-08T01:00:00+02:00', last: '2022-12-07' },
    { form: 'an unencoded + with a one-digit hour', endingAt: '2022-12-08T01:00:00+2:00', last: '2022-12-07' },
    { form: 'a literal space for the +', endingAt: '2022-12-08T01:00:00%2002:00', last: '2022-12-07' },
  ])('$form: ending_at=$endingAt ends on $last', async ({ endingAt, last }) => {
    const body = await series(app, `segment_id=${SEGMENT}&length=3&ending_at=${endingAt}`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange(last, 3))
  })

  it('reads equal instants written in different forms as the same series', async () => {
    const forms = ['2022-12-08T10:00:00Z', '2022-12-08T12:00:00%2B02:00', '2022-12-08T12:00:00+02:00', '2022-12-08T12:00:00%2B0200',
      '2022-12-08T05:00:00-5:00', '2022-12-08T10:00:00', '2022-12-08T10:00:00.000Z']
    const bodies = await Promise.all(forms.map(f => get(app, `/segments/data_series?segment_id=${SEGMENT}&length=5&ending_at=${f}`)))
    for (const body of bodies) {
      expect(body.status).toBe(200)
      expect(body.raw).toBe(bodies[0]!.raw)
    }
  })

  it('defaults ending_at to now: the pinned clock puts the last point on 2026-11-23', async () => {
    const implicit = await get(app, `/segments/data_series?segment_id=${SEGMENT}&length=5`)
    const explicit = await get(app, `/segments/data_series?segment_id=${SEGMENT}&length=5&ending_at=2026-11-23T12:00:00Z`)
    expect(implicit.status).toBe(200)
    expect((implicit.body as SizeSeries).data.map(p => p.time)).toStrictEqual(dayRange('2026-11-23', 5))
    expect(implicit.raw).toBe(explicit.raw)
  })
})

describe('GET /segments/data_series: days in the workspace\'s zone', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it('frames days in America/New_York for the harbor workspace', async () => {
    // 03:00Z on 2022-12-09 is 22:00 on 2022-12-08 in New York.
    const harborBody = await series(app, `segment_id=${harbor.segments.highBalance}&length=3&ending_at=2022-12-09T03:00:00Z`, harbor.keys.full)
    const lumenBody = await series(app, `segment_id=${lumen.segments.allUsers}&length=3&ending_at=2022-12-09T03:00:00Z`)
    expect(harborBody.data.map(p => p.time)).toStrictEqual(dayRange('2022-12-08', 3))
    expect(lumenBody.data.map(p => p.time)).toStrictEqual(dayRange('2022-12-09', 3))
  })

  it('reads an ending_at without offset as UTC, not as the workspace\'s local time', async () => {
    // 2022-12-08T03:00:00 UTC is 22:00 on 2022-12-07 in New York; read as local time it would end on 2022-12-08.
    const body = await series(app, `segment_id=${harbor.segments.highBalance}&length=2&ending_at=2022-12-08T03:00:00`, harbor.keys.full)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2022-12-07', 2))
  })

  it('defaults ending_at to now in the workspace\'s zone: 12:00Z is 07:00 on 2026-11-23 in New York', async () => {
    const body = await series(app, `segment_id=${harbor.segments.highBalance}&length=2`, harbor.keys.full)
    expect(body.data.map(p => p.time)).toStrictEqual(['2026-11-22', '2026-11-23'])
  })

  it('has no gap or repeat across the DST changes', async () => {
    const spring = await series(app, `segment_id=${harbor.segments.highBalance}&length=3&ending_at=2026-03-10`, harbor.keys.full)
    const autumn = await series(app, `segment_id=${harbor.segments.highBalance}&length=3&ending_at=2026-11-03`, harbor.keys.full)
    expect(spring.data.map(p => p.time)).toStrictEqual(['2026-03-07', '2026-03-08', '2026-03-09'])
    expect(autumn.data.map(p => p.time)).toStrictEqual(['2026-10-31', '2026-11-01', '2026-11-02'])
  })
})

describe('GET /segments/data_series: zeros before creation and after now', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  it('reads 0 before the Holiday Campaign segment was created (2026-11-10T14:00Z) and more than 0 from that day', async () => {
    const body = await series(app, `segment_id=${lumen.segments.holidayCampaign}&length=30`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2026-11-23', 30))
    for (const { time, size } of body.data) {
      if (time < '2026-11-10') expect(size, time).toBe(0)
      else expect(size, time).toBeGreaterThan(0)
    }
    expect(body.data.filter(p => p.size > 0)).toHaveLength(14) // 2026-11-10 through 2026-11-23
  })

  it('reads 0 on the days after now when ending_at is in the future', async () => {
    const body = await series(app, `segment_id=${lumen.segments.allUsers}&length=14&ending_at=2026-12-01`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2026-11-30', 14))
    for (const { time, size } of body.data) {
      if (time <= '2026-11-23') expect(size, time).toBeGreaterThan(0)
      else expect(size, time).toBe(0)
    }
  })

  it('reads all 0 for a window entirely in the future', async () => {
    const response = await get(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=3&ending_at=2030-01-01`)
    expect(response.status).toBe(200)
    expect(response.body).toStrictEqual({ message: 'success', data: dayRange('2029-12-31', 3).map(time => ({ time, size: 0 })) })
  })

  it('still answers for an archived segment', async () => {
    const body = await series(app, `segment_id=${lumen.segments.springChallenge}&length=5&ending_at=2024-06-01`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2024-05-31', 5))
    for (const point of body.data) expect(point.size).toBeGreaterThan(0)
  })

  it('answers for a segment without analytics tracking (only sessions care)', async () => {
    const body = await series(app, `segment_id=${lumen.segments.internalQa}&length=3&ending_at=2025-01-01`)
    expect(body.data.map(p => p.time)).toStrictEqual(dayRange('2024-12-31', 3))
    for (const point of body.data) expect(point.size).toBeGreaterThan(0)
  })
})

describe('GET /segments/data_series: determinism', () => {
  let app: BrazeMockApp
  beforeAll(async () => { app = await testApp() })
  afterAll(async () => { await app.close() })

  const QUERY = `segment_id=${lumen.segments.active7Days}&length=60&ending_at=2025-09-01`

  it('gives byte-identical bodies to the same request, whatever came between', async () => {
    const first = await get(app, `/segments/data_series?${QUERY}`)
    await get(app, `/segments/data_series?segment_id=${lumen.segments.allUsers}&length=100`)
    await get(app, '/sessions/data_series?length=100&unit=hour')
    const second = await get(app, `/segments/data_series?${QUERY}`)
    expect(first.status).toBe(200)
    expect(second.raw).toBe(first.raw)
  })

  it('gives the same body from another app built with the same seed', async () => {
    const other = await testApp()
    try {
      const here = await get(app, `/segments/data_series?${QUERY}`)
      const there = await get(other, `/segments/data_series?${QUERY}`)
      expect(there.raw).toBe(here.raw)
    } finally {
      await other.close()
    }
  })

  it('agrees across overlapping windows', async () => {
    const long = await series(app, `segment_id=${lumen.segments.active7Days}&length=10&ending_at=2025-06-20`)
    const short = await series(app, `segment_id=${lumen.segments.active7Days}&length=5&ending_at=2025-06-18`)
    expect(long.data.map(p => p.time)).toStrictEqual(dayRange('2025-06-19', 10))
    expect(short.data).toStrictEqual(long.data.slice(3, 8))
  })

  it('changes the numbers, not the days, with another seed', async () => {
    const one = await testApp({ seed: 1 })
    const two = await testApp({ seed: 2 })
    try {
      const a = await series(one, QUERY)
      const b = await series(two, QUERY)
      expect(b.data.map(p => p.time)).toStrictEqual(a.data.map(p => p.time))
      expect(b.data.map(p => p.size)).not.toStrictEqual(a.data.map(p => p.size))
      const differing = a.data.filter((p, i) => p.size !== b.data[i]!.size)
      expect(differing.length).toBeGreaterThan(30)
    } finally {
      await one.close()
      await two.close()
    }
  })
})
