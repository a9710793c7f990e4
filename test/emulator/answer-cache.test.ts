// The answer cache (issue 16): bounded by bytes, least recently used out first (with a second chance for a hit); and through the real app, a
// kept answer is the computed one byte for byte, and nothing that decides an answer (overrides, the clock
// where the window reaches now, a reload, the Host a Link is written for) is ever answered from a stale entry.
import { afterEach, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { AnswerCache } from '../../src/emulator/answer-cache.js'
import { ENDPOINTS } from '../../src/endpoints/index.js'
import { BUILT_IN, NOW, testApp } from '../helpers.js'

const { lumen } = BUILT_IN
const AUTH = { authorization: `Bearer ${lumen.keys.full}` }
const OLD_WINDOW = `/sessions/data_series?length=14&ending_at=2026-09-01&app_id=${lumen.apps.ios}`
const TO_NOW = `/sessions/data_series?length=3&app_id=${lumen.apps.ios}`

describe('AnswerCache', () => {
  const answer = (body: string) => ({ body: Buffer.from(body), headers: [] as Array<[string, string]> })

  it('keeps at most maxBytes, dropping the least recently used first', () => {
    const cache = new AnswerCache(1600)
    for (let i = 10; i < 50; i++) cache.set(`k${i}`, answer('x'.repeat(97)))
    expect(cache.bytes).toBeLessThanOrEqual(1600)
    expect(cache.size).toBe(16)
    expect(cache.get('k33')).toBeUndefined()
    expect(cache.get('k34')?.body).toHaveLength(97)
  })

  it('moves a hit to the back of the line', () => {
    const cache = new AnswerCache(1600)
    for (let i = 10; i < 26; i++) cache.set(`k${i}`, answer('x'.repeat(97)))
    expect(cache.get('k10')).toBeDefined()
    cache.set('k26', answer('x'.repeat(97)))
    expect(cache.get('k10')).toBeDefined()
    expect(cache.get('k11')).toBeUndefined()
  })

  it('gives a hit one second chance, not a place for ever', () => {
    const cache = new AnswerCache(1600)
    for (let i = 10; i < 26; i++) cache.set(`k${i}`, answer('x'.repeat(97)))
    expect(cache.get('k10')).toBeDefined()
    // k10 is passed over once, to the end of the line; sixteen answers later, unread since, it is gone.
    for (let i = 26; i < 42; i++) cache.set(`k${i}`, answer('x'.repeat(97)))
    expect(cache.get('k10')).toBeUndefined()
    expect(cache.get('k41')).toBeDefined()
    expect(cache.size).toBe(16)
  })

  it('still makes room when every answer was read', () => {
    const cache = new AnswerCache(1600)
    for (let i = 10; i < 26; i++) cache.set(`k${i}`, answer('x'.repeat(97)))
    for (let i = 10; i < 26; i++) cache.get(`k${i}`)
    cache.set('k26', answer('x'.repeat(97)))
    expect({ size: cache.size, bytes: cache.bytes <= 1600, oldest: cache.get('k10'), newest: cache.get('k26')?.body.length })
      .toStrictEqual({ size: 16, bytes: true, oldest: undefined, newest: 97 })
  })

  it('refuses an answer larger than a sixteenth of the cache, so one answer cannot empty it', () => {
    const cache = new AnswerCache(1600)
    cache.set('small', answer('x'.repeat(50)))
    cache.set('big', answer('x'.repeat(200)))
    expect(cache.get('big')).toBeUndefined()
    expect(cache.get('small')).toBeDefined()
  })
})

describe('answers kept through the real app', () => {
  let app: BrazeMockApp
  afterEach(async () => { await app.close() })

  const send = async (url: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({ url, headers: { ...AUTH, ...headers } })
    const { date: _date, 'x-request-id': _id, ...rest } = response.headers
    return { status: response.statusCode, headers: rest, body: response.body }
  }

  it('answers a repeated request with the same bytes and headers, the rate-limit count moving on', async () => {
    app = await testApp()
    const first = await send(OLD_WINDOW)
    expect(app.emulator.answers.size).toBe(1)
    const second = await send(OLD_WINDOW)
    expect(second.body).toBe(first.body)
    expect(second.headers['content-type']).toBe(first.headers['content-type'])
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(Number(first.headers['x-ratelimit-remaining']) - 1)
    expect(app.emulator.answers.size).toBe(1)
  })

  it('is the answer an emulator without any kept answer computes, for every endpoint\'s example', async () => {
    app = await testApp()
    const fresh = await testApp()
    try {
      for (const endpoint of ENDPOINTS) {
        const url = `${endpoint.path}?${new URLSearchParams(endpoint.example as Record<string, string>).toString()}`
        await send(url)
        const kept = await send(url)
        const computed = await fresh.inject({ url, headers: AUTH })
        expect({ url, body: kept.body }).toStrictEqual({ url, body: computed.body })
      }
    } finally {
      await fresh.close()
    }
  })

  it('never serves an answer computed under other overrides', async () => {
    app = await testApp()
    const before = await send(OLD_WINDOW)
    const { overrides } = app.control.setOverrides({ app_id: lumen.apps.ios, values: { '2026-08-31': 7 } })
    const during = await send(OLD_WINDOW)
    expect(JSON.parse(during.body).data.at(-1)).toStrictEqual({ time: '2026-08-31', sessions: 7 })
    app.control.removeOverride(overrides[0]!.override_id)
    expect((await send(OLD_WINDOW)).body).toBe(before.body)
  })

  it('keys a window that reaches now by the pinned instant, and keeps none of those on a running clock', async () => {
    app = await testApp()
    const atNow = await send(TO_NOW)
    app.emulator.clock.advance(3_600_000)
    const later = await send(TO_NOW)
    expect(later.body).not.toBe(atNow.body)
    app.emulator.clock.pin(NOW)
    expect((await send(TO_NOW)).body).toBe(atNow.body)

    app.emulator.clock.release()
    const kept = app.emulator.answers.size
    await send(TO_NOW)
    expect(app.emulator.answers.size).toBe(kept)
    await send(OLD_WINDOW)
    expect(app.emulator.answers.size).toBe(kept + 1)
  })

  it('forgets every answer when the fixtures are reloaded', async () => {
    app = await testApp()
    await send(OLD_WINDOW)
    await app.emulator.reload()
    expect(app.emulator.answers.size).toBe(0)
  })

  it('writes the Link of a kept page for the Host each client sent', async () => {
    app = await testApp({
      fixtures: {
        workspaces: [{ id: 'w', name: 'W', generate: { events: 60 } }],
        apps: [{ id: 'app', workspace_id: 'w', created_at: '2024-01-01T00:00:00Z' }],
        api_keys: [{ key: 'k', workspace_id: 'w', permissions: ['*'] }],
      },
    })
    const link = async (host: string) => (await app.inject({ url: '/events', headers: { authorization: 'Bearer k', host } })).headers.link
    expect(await link('a.test')).toContain('http://a.test/events?cursor=')
    expect(await link('b.test')).toContain('http://b.test/events?cursor=')
    expect(await link('a.test')).toContain('http://a.test/events?cursor=')
  })
})
