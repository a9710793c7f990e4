// Writes docs/console.png, the README's picture of the console: starts an emulator on the built-in fixtures
// with a pinned clock, opens /_mock/ in headless Chromium (Debian's package, as the browser tests use), makes
// a few requests so that the journal has rows, and takes the shot. Rerun it after changing the console:
//   npx tsx scripts/console-screenshot.ts        (CHROMIUM_PATH to use another browser)
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { startEmulator } from '../src/index.js'
import { BUILT_IN } from '../test/helpers.js'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const OUT = fileURLToPath(new URL('../docs/console.png', import.meta.url))

const braze = await startEmulator({ now: '2026-11-23T12:00:00Z' })
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] })
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 940 }, deviceScaleFactor: 1 })
  page.on('pageerror', error => { throw error })
  await page.goto(`${braze.url}/_mock/`)
  await page.waitForSelector('body[data-ready="true"]')
  // Something in each view: a fault that fired once, an override, a selected entity's curl.
  braze.faults.add({ path: '/segments/list', effect: { type: 'status', status: 503 }, times: 1 })
  braze.overrides.set({ app_id: BUILT_IN.lumen.apps.web, values: { '2026-11-21': 0 } })
  for (const path of ['/segments/list', '/segments/list?page=0']) {
    await fetch(`${braze.url}${path}`, { headers: { authorization: `Bearer ${BUILT_IN.lumen.keys.full}` } })
  }
  await page.click('#chart-draw')
  await page.click(`.ws li:has(code[data-id="${BUILT_IN.lumen.apps.ios}"]) .name`)
  await page.waitForTimeout(1500) // a journal poll and a faults poll
  await page.screenshot({ path: OUT, fullPage: false })
  console.log(`wrote ${OUT}`)
} finally {
  await browser.close()
  await braze.close()
}
