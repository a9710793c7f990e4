// Starts the emulator as a process: builds the app from validated settings, listens, and on SIGTERM or
// SIGINT stops accepting, lets in-flight requests finish and exits. Shared by the two entries, src/server.ts
// (settings from the environment) and src/cli.ts (flags over the environment).
import closeWithGrace from 'close-with-grace'
import { BUILT_IN_FIXTURES, buildApp } from './app.js'
import { ConfigError, corsOrigins, isOn, parseSettings, type Settings } from './config.js'
import { tuneV8 } from './v8-tuning.js'
import { parseInstant } from './world/instant.js'
import { FixtureError } from './world/load-fixtures.js'

/** How long in-flight requests get to finish after a signal before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000

/** Builds the app and listens; the app is returned for the build's warm-up (scripts/code-cache.mjs). */
export async function start (settings: Settings): Promise<Awaited<ReturnType<typeof buildApp>>> {
  const app = await buildApp({
    fixtures: settings.BRAZE_MOCK_FIXTURES ?? BUILT_IN_FIXTURES,
    apiKey: settings.BRAZE_MOCK_API_KEY,
    now: settings.BRAZE_MOCK_NOW === undefined ? undefined : parseInstant(settings.BRAZE_MOCK_NOW),
    seed: settings.BRAZE_MOCK_SEED,
    journalSize: settings.BRAZE_MOCK_JOURNAL_SIZE,
    control: settings.BRAZE_MOCK_CONTROL === 'on',
    controlToken: settings.BRAZE_MOCK_CONTROL_TOKEN,
    watch: isOn(settings.BRAZE_MOCK_WATCH),
    cors: corsOrigins(settings.BRAZE_MOCK_CORS),
    logLevel: settings.LOG_LEVEL,
    prettyLogs: process.stdout.isTTY,
    batchedLogs: true,
    replay: true,
  })
  const grace = closeWithGrace({ delay: SHUTDOWN_GRACE_MS }, async ({ signal, err }) => {
    if (err !== undefined) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })
  try {
    await app.listen({ port: settings.PORT, host: settings.HOST })
  } catch (error) {
    // A port in use or an address the machine lacks is the user's to fix, as a bad setting is; and nothing
    // may keep the process alive (a fixtures watcher) after it.
    grace.uninstall()
    await app.close()
    throw new ConfigError(`cannot listen on ${settings.HOST}:${settings.PORT} (${(error as Error).message})`)
  }
  return app
}

/**
 * Validates `variables` and starts. A bad setting or fixture, or an address that cannot be listened on, is
 * the user's to fix: one line on stderr and exit code 1, no stack trace. Anything else is a bug and is
 * thrown. `labels` names settings as the user gave them (flags), for the messages. Once the server listens,
 * the process's V8 settings are tuned (src/v8-tuning.ts): this is a process of the emulator's own.
 */
export async function run (variables: Record<string, string | undefined>, labels: Partial<Record<string, string>> = {}): Promise<void> {
  try {
    await start(parseSettings(variables, labels))
    tuneV8()
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof FixtureError)) throw error
    process.stderr.write(`braze-mock: ${error.message}\n`)
    process.exitCode = 1
  }
}
