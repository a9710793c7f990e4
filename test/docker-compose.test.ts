// docker-compose.example.yml, read as Compose reads it: copied beside an application's own compose file, it
// must build (or name) the emulator's image, not the application's, and its environment must reach the
// emulator as the text it shows. Parsed both as YAML 1.2 (the yaml package's default) and as YAML 1.1, whose
// timestamps and booleans some tools still resolve: an unquoted 2026-11-23T12:00:00Z is a date there, and
// may come back written in a form the emulator refuses.
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseSettings } from '../src/config.js'

const FILE = new URL('../docker-compose.example.yml', import.meta.url)

interface Service { image?: string, build?: string | { context?: string }, environment?: Record<string, unknown> | string[] }
interface Compose { services: Record<string, Service> }

describe.each(['1.1', '1.2'] as const)('docker-compose.example.yml as YAML %s', (version) => {
  const compose = async () => parse(await readFile(FILE, 'utf8'), { version }) as Compose

  it('gives every environment value as a string', async () => {
    for (const [name, service] of Object.entries((await compose()).services)) {
      expect(Array.isArray(service.environment), `${name}: environment as a map`).toBe(false)
      for (const [variable, value] of Object.entries(service.environment ?? {})) {
        expect(typeof value, `${name}.environment.${variable} (${String(value)})`).toBe('string')
      }
    }
  })

  it('pins the clock to an instant the emulator takes', async () => {
    const { braze } = (await compose()).services
    const now = braze?.environment as Record<string, unknown>
    expect(typeof now.BRAZE_MOCK_NOW).toBe('string')
    expect(parseSettings({ BRAZE_MOCK_NOW: now.BRAZE_MOCK_NOW as string }).BRAZE_MOCK_NOW).toBe(now.BRAZE_MOCK_NOW)
  })

  it('builds from a path to this repository, not from the directory it is copied into, and names the image', async () => {
    const { braze } = (await compose()).services
    const context = typeof braze?.build === 'string' ? braze.build : braze?.build?.context
    expect(context).toBeDefined()
    expect(context!.replace(/\/+$/, '')).not.toMatch(/^\.?$/)
    expect(braze?.image).toMatch(/^braze-mock:/)
  })
})
