// The process entry: reads the settings from the environment, builds the app, listens, and on SIGTERM or
// SIGINT stops accepting, lets in-flight requests finish and exits.
import closeWithGrace from 'close-with-grace'
import { BUILT_IN_FIXTURES, buildApp } from './app.js'
import { ConfigError, isOn, parseSettings, type Settings } from './config.js'
import { parseInstant } from './world/instant.js'
import { FixtureError } from './world/load-fixtures.js'

/** How long in-flight requests get to finish after a signal before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000

export async function start (settings: Settings): Promise<void> {
  const app = await buildApp({
    fixtures: settings.BRAZE_MOCK_FIXTURES ?? BUILT_IN_FIXTURES,
    apiKey: settings.BRAZE_MOCK_API_KEY,
    now: settings.BRAZE_MOCK_NOW === undefined ? undefined : parseInstant(settings.BRAZE_MOCK_NOW),
    seed: settings.BRAZE_MOCK_SEED,
    journalSize: settings.BRAZE_MOCK_JOURNAL_SIZE,
    control: settings.BRAZE_MOCK_CONTROL === 'on',
    controlToken: settings.BRAZE_MOCK_CONTROL_TOKEN,
    watch: isOn(settings.BRAZE_MOCK_WATCH),
    logLevel: settings.LOG_LEVEL,
    prettyLogs: process.stdout.isTTY,
  })
  closeWithGrace({ delay: SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })
  await app.listen({ port: settings.PORT, host: settings.HOST })
}

try {
  await start(parseSettings(process.env))
} catch (error) {
  if (!(error instanceof ConfigError || error instanceof FixtureError)) throw error
  process.stderr.write(`braze-mock: ${error.message}\n`)
  process.exitCode = 1
}
