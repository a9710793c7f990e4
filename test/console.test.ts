// The console (GET /_mock/) in real Chromium, on the built-in fixtures: the world view, a chart drawn from the
// endpoint's own answer, and the controls seen to act through the journal and the chart. Set up as
// test/browser.test.ts is: Debian's Chromium through playwright-core, required in CI (REQUIRE_BROWSER=1),
// skipped and said so elsewhere. Every request the page makes is counted: none may leave 127.0.0.1.
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock } from '../src/index.js'
import { BUILT_IN } from './helpers.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
if (!available && process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no browser at ${CHROMIUM}`)
if (!available) console.warn(`console.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`)

const { lumen } = BUILT_IN
const PINNED = '2026-11-22T08:30:00.000Z'

/** What the console exposes of the last chart it drew (console/console.js, window.consoleChart; the tests
 * reach it as globalThis, which a page's window is, since they are compiled without the DOM's types). */
interface Plotted {
  seq: number
  url: string
  status: number
  error: string | null
  times: string[]
  values: number[]
}

describe.skipIf(!available)('the console in a browser', () => {
  let browser: Browser
  let braze: BrazeMock
  let page: Page
  const outside: string[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    braze = await startEmulator()
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } })
    page.on('pageerror', error => pageErrors.push(error.message))
    await page.route('**/*', async (route) => {
      const url = route.request().url()
      if (new URL(url).hostname === '127.0.0.1') return await route.continue()
      outside.push(url)
      return await route.abort()
    })
    await page.goto(`${braze.url}/_mock/`)
    await page.waitForSelector('body[data-ready="true"]')
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await braze?.close()
  })

  const plotted = async () => await page.evaluate(() => (globalThis as unknown as { consoleChart: Plotted }).consoleChart)

  /** Submits the chart form and waits for the chart it draws (or the error it shows). */
  async function draw (form: { endpoint?: string, entity?: string, endingAt?: string, length?: string } = {}): Promise<Plotted> {
    if (form.endpoint !== undefined) await page.selectOption('#chart-endpoint', form.endpoint)
    if (form.entity !== undefined) await page.selectOption('#chart-entity', form.entity)
    if (form.endingAt !== undefined) await page.fill('#chart-ending-at', form.endingAt)
    if (form.length !== undefined) await page.fill('#chart-length', form.length)
    const before = (await plotted()).seq
    await page.click('#chart-draw')
    await page.waitForFunction((seq) => (globalThis as unknown as { consoleChart: Plotted }).consoleChart.seq > seq, before)
    return await plotted()
  }

  /** The same query, asked of the endpoint directly. */
  async function answerOf (url: string): Promise<{ status: number, body: { data: Array<Record<string, string | number>> } }> {
    const response = await fetch(`${braze.url}${url}`, { headers: { authorization: `Bearer ${lumen.keys.full}` } })
    return { status: response.status, body: await response.json() as { data: Array<Record<string, string | number>> } }
  }

  it('shows the apps of the world with their ids', async () => {
    expect(await page.textContent('#world')).toContain(lumen.apps.ios)
    expect(await page.locator(`#world code.id[data-id="${lumen.apps.ios}"]`).count()).toBe(1)
  })

  it('draws what the endpoint answers for the same query', async () => {
    const chart = await draw({ endpoint: '/sessions/data_series', entity: lumen.apps.ios, endingAt: '2026-11-20', length: '7' })
    const sent = new URL(chart.url, braze.url)
    expect([sent.pathname, Object.fromEntries(sent.searchParams)]).toStrictEqual(['/sessions/data_series', {
      app_id: lumen.apps.ios, length: '7', ending_at: '2026-11-20', unit: 'day',
    }])
    const { status, body } = await answerOf(chart.url)
    expect(status).toBe(200)
    expect(chart.times).toStrictEqual(body.data.map(point => point.time))
    expect(chart.values).toStrictEqual(body.data.map(point => point.sessions))
    expect(chart.values).toHaveLength(7)
  })

  it('charts a campaign\'s unique recipients and a Canvas\'s entries, picked from the world', async () => {
    expect(await page.textContent('#world')).toContain('Personal Record Alert (API)')
    const campaign = await draw({ endpoint: '/campaigns/data_series', entity: '1221b5a2-2155-441c-aff7-c0fcbbe8f88d', endingAt: '2026-11-20', length: '14' })
    const byCampaign = await answerOf(campaign.url)
    expect(campaign.error).toBeNull()
    expect(campaign.values).toStrictEqual(byCampaign.body.data.map(point => point.unique_recipients))
    expect(campaign.values.some(value => value > 0)).toBe(true)
    const canvas = await draw({ endpoint: '/canvas/data_series', entity: '0b6f2d4e-7a1c-4e38-9f25-3c8d1a6e5b47', endingAt: '2026-11-20', length: '14' })
    const byCanvas = await answerOf(canvas.url) as unknown as { body: { data: { stats: Array<{ total_stats: { entries: number } }> } } }
    expect(canvas.error).toBeNull()
    expect(canvas.values).toStrictEqual(byCanvas.body.data.stats.map(point => point.total_stats.entries))
    await draw({ endpoint: '/sessions/data_series', entity: lumen.apps.ios })
  })

  it('pins the clock, and the next chart request is in the journal at the pinned time', async () => {
    await page.fill('#clock-pin-at', PINNED)
    await page.click('#clock-pin button')
    await page.locator('#clock-now', { hasText: PINNED }).waitFor()
    const chart = await draw()
    const path = new URL(chart.url, braze.url).pathname
    const row = page.locator(`#journal tr[data-time="${PINNED}"]`, { hasText: path })
    await row.first().waitFor({ timeout: 5000 })
    expect(await row.first().getAttribute('data-status')).toBe('200')
  })

  it('adds a fault, and the next chart request fails with it', async () => {
    await page.selectOption('#fault-path', '/sessions/data_series')
    await page.selectOption('#fault-effect', 'status:503')
    await page.click('#fault-form button')
    await page.locator('#faults li[data-fault]').first().waitFor()
    const chart = await draw()
    expect(chart).toMatchObject({ status: 503, values: [] })
    expect(await page.textContent('#chart-error')).toMatch(/^503: /)
    const row = page.locator('#journal tr[data-status="503"]', { hasText: '/sessions/data_series' })
    await row.first().waitFor({ timeout: 5000 })
    expect(await row.first().getAttribute('data-fault')).not.toBe('')
    // Removed from the console, the fault is gone: the chart draws again.
    await page.click('#faults li[data-fault] button')
    await page.locator('#faults li[data-fault]').waitFor({ state: 'detached' })
    expect(await draw()).toMatchObject({ status: 200, error: null })
  })

  it('sets an override on a clicked point, and the chart changes there only', async () => {
    const before = await draw({ endpoint: '/sessions/data_series', entity: lumen.apps.ios, endingAt: '2026-11-20', length: '7' })
    const point = await page.evaluate(() => (globalThis as unknown as { consoleChart: { pointAt (i: number): { x: number, y: number } } }).consoleChart.pointAt(3))
    await page.mouse.click(point.x, point.y)
    await page.locator('#override-form').waitFor({ state: 'visible' })
    expect(await page.textContent('#override-what')).toContain(before.times[3])
    await page.fill('#override-value', '12345')
    const seq = before.seq
    await page.click('#override-form button:not([type])')
    await page.waitForFunction((s) => (globalThis as unknown as { consoleChart: Plotted }).consoleChart.seq > s, seq)
    const after = await plotted()
    expect(after.values).toStrictEqual(before.values.map((value, i) => i === 3 ? 12345 : value))
    expect(braze.overrides.list().overrides).toMatchObject([{ entity: 'app', id: lumen.apps.ios, metric: 'sessions', time: before.times[3], value: 12345 }])
    expect(after.values).toStrictEqual((await answerOf(after.url)).body.data.map(p => p.sessions))
  })

  it('asks for the control token when the emulator has one, and keeps it for the tab', async () => {
    const guarded = await startEmulator({ controlToken: 'sesame' })
    const tab = await browser.newPage()
    try {
      tab.on('pageerror', error => pageErrors.push(error.message))
      await tab.goto(`${guarded.url}/_mock/`)
      await tab.locator('#token').waitFor({ state: 'visible' })
      expect(await tab.textContent('#world')).toBe('')
      await tab.fill('#token-value', 'sesame')
      await tab.click('#token button')
      await tab.waitForSelector('body[data-ready="true"]')
      expect(await tab.textContent('#world')).toContain(lumen.apps.ios)
      expect(await tab.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem (k: string): string | null } })
        .sessionStorage.getItem('braze-mock-control-token'))).toBe('sesame')
    } finally {
      await tab.close()
      await guarded.close()
    }
  })

  it('asked nothing of any other host, and threw nothing', () => {
    expect(outside).toStrictEqual([])
    expect(pageErrors).toStrictEqual([])
  })
})
