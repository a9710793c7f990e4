// The fixtures watcher (BRAZE_MOCK_WATCH) and what it says in the log: a file that disappears (as `git stash`
// can make it) keeps the previous fixtures and is a warning, not a reload that leaves every key a 401; a reload
// that leaves a workspace without a key is a warning that names the workspace.
import { readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Control } from '../../src/emulator/control.js'
import { Emulator } from '../../src/emulator/emulator.js'
import fixturesWatch from '../../src/plugins/fixtures-watch.js'
import { copyFixtures } from '../emulator/control/drivers.js'
import { BUILT_IN } from '../helpers.js'

interface LogLine { level: number, msg: string, [field: string]: unknown }
const WARN = 40

const cleanups: Array<() => Promise<unknown>> = []
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map(cleanup => cleanup()))
})

/** An emulator on a copy of the built-in fixtures, watched by the plugin, with its log lines kept. */
async function watched () {
  const copy = await copyFixtures()
  cleanups.push(copy.remove)
  const emulator = await Emulator.create({ fixtures: copy.dir })
  const lines: LogLine[] = []
  const app: FastifyInstance = Fastify({ logger: { level: 'info', stream: { write: (line: string) => { lines.push(JSON.parse(line) as LogLine) } } } })
  await app.register(fixturesWatch, { control: new Control(emulator, { paths: [], metrics: [] }), emulator, directory: copy.dir })
  await app.ready()
  cleanups.push(() => app.close())
  return { copy, emulator, lines }
}

describe('fixtures-watch', () => {
  it('keeps the previous fixtures and warns when a fixture file disappears', async () => {
    // Regression: deleting api-keys.json was a valid reload, and every key got 401 without a word.
    const { copy, emulator, lines } = await watched()
    const keys = emulator.world.keys
    expect(keys).toHaveLength(6)
    await rm(join(copy.dir, 'api-keys.json'))
    await vi.waitFor(() => { expect(lines.filter(line => line.level === WARN)).toHaveLength(1) }, { timeout: 5000 })
    expect(lines.find(line => line.level === WARN)!.msg)
      .toBe(`fixtures not reloaded: api-keys.json is gone from ${copy.dir}; the previous fixtures stay in service ` +
        '(POST /_mock/fixtures/reload loads the directory as it is)')
    expect(emulator.world.keys).toBe(keys)
    expect(lines.map(line => line.msg)).not.toContain('fixtures reloaded')
  })

  it('reloads once the file is back, and warns about each workspace the reload leaves without a key', async () => {
    const { copy, emulator, lines } = await watched()
    const original = await readFile(join(copy.dir, 'api-keys.json'), 'utf8')
    await rm(join(copy.dir, 'api-keys.json'))
    await vi.waitFor(() => { expect(lines.some(line => line.level === WARN)).toBe(true) }, { timeout: 5000 })
    // Back, but with the Lumen keys only: Harbor Bank is left without one.
    const lumenOnly = (JSON.parse(original) as Array<{ workspace_id: string }>).filter(key => key.workspace_id === BUILT_IN.lumen.workspaceId)
    await copy.write('api-keys.json', JSON.stringify(lumenOnly))
    await vi.waitFor(() => { expect(lines.map(line => line.msg)).toContain('fixtures reloaded') }, { timeout: 5000 })
    expect(emulator.world.keys).toHaveLength(5)
    expect(lines.filter(line => line.level === WARN).slice(1).map(({ msg, workspace }) => ({ msg, workspace }))).toStrictEqual([{
      msg: `workspace "Harbor Bank" (${BUILT_IN.harbor.workspaceId}) has no API key after the reload: every request for it gets 401`,
      workspace: BUILT_IN.harbor.workspaceId,
    }])
  })
})
