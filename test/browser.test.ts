// A real browser on another origin: headless Chromium (Debian's package, driven by playwright-core) loads a
// page from a second local server and calls the emulator with fetch and an Authorization header, so the
// CORS preflight, the allowed origins and the exposed headers are checked where they matter.
// CI installs Chromium (.ci/run) and sets REQUIRE_BROWSER=1, so there a missing browser fails the suite; on
// a machine without it the suite is skipped and says so.
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock } from '../src/index.js'
import { BUILT_IN } from './helpers.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const available = existsSync(CHROMIUM)
if (!available && process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but there is no browser at ${CHROMIUM}`)
if (!available) console.warn(`browser.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`)

const KEY = BUILT_IN.lumen.keys.full
const SEGMENT = BUILT_IN.lumen.segments.allUsers

/** The page a frontend developer would run: it calls the emulator and writes what it got into #result. */
function page (emulator: string): string {
  return `<!doctype html><meta charset="utf-8"><title>frontend</title><pre id="result"></pre><script>
  fetch(${JSON.stringify(`${emulator}/segments/data_series?segment_id=${SEGMENT}&length=3`)}, {
    headers: { Authorization: 'Bearer ${KEY}' },
  }).then(async response => ({
    status: response.status,
    remaining: response.headers.get('X-RateLimit-Remaining'),
    requestId: response.headers.get('X-Request-Id'),
    body: await response.json(),
  }), error => ({ blocked: error.name }))
    .then(result => { document.getElementById('result').textContent = JSON.stringify(result) })
  </script>`
}

describe.skipIf(!available)('a browser app on another origin', () => {
  let browser: Browser
  let site: Server
  let siteOrigin: string
  let emulatorUrl = ''

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
    site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' }).end(page(emulatorUrl))
    })
    await new Promise<void>(resolve => site.listen(0, '127.0.0.1', resolve))
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await new Promise(resolve => site?.close(resolve))
  })

  /** Loads the page against an emulator and returns what the page's fetch saw. */
  async function fromTheBrowser (braze: BrazeMock): Promise<Record<string, unknown>> {
    emulatorUrl = braze.url
    const tab = await browser.newPage()
    try {
      await tab.goto(siteOrigin)
      await tab.waitForFunction('document.getElementById("result").textContent !== ""')
      return JSON.parse(await tab.textContent('#result') ?? '') as Record<string, unknown>
    } finally {
      await tab.close()
    }
  }

  it('gets the series and reads the rate-limit and request-id headers, any origin allowed by default', async () => {
    const braze = await startEmulator({ now: '2026-11-23T12:00:00Z' })
    try {
      const result = await fromTheBrowser(braze)
      expect(result).toMatchObject({ status: 200, remaining: '249999', body: { message: 'success' } })
      expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/)
      // The preflight needed no key and left no trace in the journal: only the real request is there.
      expect(braze.journal.list().entries.map(entry => [entry.method, entry.path, entry.status])).toStrictEqual([
        ['GET', '/segments/data_series', 200],
      ])
    } finally {
      await braze.close()
    }
  })

  it('is allowed from a listed origin and blocked from any other', async () => {
    const listed = await startEmulator({ now: '2026-11-23T12:00:00Z', cors: [siteOrigin] })
    try {
      expect(await fromTheBrowser(listed)).toMatchObject({ status: 200 })
    } finally {
      await listed.close()
    }
    const other = await startEmulator({ now: '2026-11-23T12:00:00Z', cors: ['http://localhost:5173'] })
    try {
      expect(await fromTheBrowser(other)).toStrictEqual({ blocked: 'TypeError' })
    } finally {
      await other.close()
    }
  })

  it('renders the API docs page', async () => {
    const braze = await startEmulator()
    const tab = await browser.newPage()
    try {
      await tab.goto(`${braze.url}/_mock/docs`)
      await tab.waitForSelector('.opblock-tag')
      expect(await tab.locator('.opblock-tag').allTextContents()).toEqual(expect.arrayContaining([
        expect.stringContaining('Braze'), expect.stringContaining('Emulator control'),
      ]))
    } finally {
      await tab.close()
      await braze.close()
    }
  })
})
