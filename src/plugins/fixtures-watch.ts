// BRAZE_MOCK_WATCH: reload the fixtures when a file in their directory changes. A reload that fails
// validation keeps the previous fixtures and logs why. node:fs's watch is enough for one flat directory
// (chokidar's extra reach, recursive trees and polling, is not needed here); editors fire several events
// per save, so changes are debounced.
import { watch } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Control } from '../emulator/control.js'

const DEBOUNCE_MS = 100

export interface FixturesWatchOptions {
  control: Control
  directory: string
}

async function fixturesWatch (app: FastifyInstance, { control, directory }: FixturesWatchOptions): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const reload = (): void => {
    control.reload().then(
      summary => app.log.info({ ...summary }, 'fixtures reloaded'),
      (error: Error) => app.log.error({ reason: error.message }, 'fixtures not reloaded')
    )
  }
  const watcher = watch(directory, () => {
    clearTimeout(timer)
    timer = setTimeout(reload, DEBOUNCE_MS)
  })
  app.addHook('onClose', async () => {
    clearTimeout(timer)
    watcher.close()
  })
}

export default fp(fixturesWatch, { name: 'fixtures-watch', fastify: '5.x' })
