// BRAZE_MOCK_WATCH: reload the fixtures when a file in their directory changes. A reload that fails
// validation keeps the previous fixtures and logs why. node:fs's watch is enough for one flat directory
// (chokidar's extra reach, recursive trees and polling, is not needed here); editors fire several events
// per save, so changes are debounced.
//
// A fixture file that disappears (as `git stash` or a branch switch can make it) would still load: a part
// without its file is empty, so every key of a deleted api-keys.json would answer 401, silently. The watcher
// therefore skips such a reload and warns; an explicit reload (POST /_mock/fixtures/reload) takes the
// directory as it is. A reload that leaves a workspace without a key is allowed, and warned about.
import { watch } from 'node:fs'
import { access } from 'node:fs/promises'
import { basename } from 'node:path'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Control } from '../emulator/control.js'
import type { Emulator } from '../emulator/emulator.js'

const DEBOUNCE_MS = 100

export interface FixturesWatchOptions {
  control: Control
  /** Where the fixtures in service came from (their files) and what they hold (their world). */
  emulator: Emulator
  directory: string
}

async function fixturesWatch (app: FastifyInstance, { control, emulator, directory }: FixturesWatchOptions): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const reload = async (): Promise<void> => {
    const gone = await missing(emulator.fixtureFiles)
    if (gone.length > 0) {
      app.log.warn({ files: gone }, `fixtures not reloaded: ${gone.map(file => basename(file)).join(', ')} ` +
        `${gone.length === 1 ? 'is' : 'are'} gone from ${directory}; the previous fixtures stay in service ` +
        '(POST /_mock/fixtures/reload loads the directory as it is)')
      return
    }
    try {
      const summary = await control.reload()
      app.log.info({ ...summary }, 'fixtures reloaded')
    } catch (error) {
      app.log.error({ reason: (error as Error).message }, 'fixtures not reloaded')
      return
    }
    const { workspaces, keys } = emulator.world
    for (const workspace of workspaces) {
      if (keys.some(key => key.workspace === workspace)) continue
      app.log.warn({ workspace: workspace.id },
        `workspace ${JSON.stringify(workspace.name)} (${workspace.id}) has no API key after the reload: every request for it gets 401`)
    }
  }
  const watcher = watch(directory, () => {
    clearTimeout(timer)
    timer = setTimeout(() => { reload().catch((error: unknown) => app.log.error({ err: error }, 'fixtures watch failed')) }, DEBOUNCE_MS)
  })
  app.addHook('onClose', async () => {
    clearTimeout(timer)
    watcher.close()
  })
}

/** The files of `files` that no longer exist. */
async function missing (files: readonly string[]): Promise<string[]> {
  const found = await Promise.all(files.map(file => access(file).then(() => true, () => false)))
  return files.filter((_, i) => !found[i])
}

export default fp(fixturesWatch, { name: 'fixtures-watch', fastify: '5.x' })
