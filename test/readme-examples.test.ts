// The README's curl examples, run in order against a started emulator (a real clock and the built-in
// fixtures, as `npm start` serves them): each is answered without an error, and where the README shows the
// answer (`# {...}` after the command), the server's answer has the same fields, in the same order, with the
// same values; `…` in the README stands for a value that varies (the time on a real clock).
import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock } from '../src/index.js'

interface Example { readonly command: string, readonly expected?: string }

/** Every curl command of the README's sh blocks, a `\` continuation joined, with the answer it shows. */
function curlExamples (readme: string): Example[] {
  const examples: Array<{ command: string, expected?: string }> = []
  for (const [, block] of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = block!.replace(/\\\n\s*/g, '').split('\n')
    for (const line of lines) {
      const shown = /^#\s*(\{.*\})\s*$/.exec(line.trim())
      if (shown !== null && examples.length > 0) {
        examples.at(-1)!.expected = shown[1]
        continue
      }
      if (!line.startsWith('curl ')) continue
      const comment = /\s#\s*(\{.*\})\s*$/.exec(line)
      examples.push({ command: line.replace(/\s#.*$/, ''), ...(comment === null ? {} : { expected: comment[1] }) })
    }
  }
  return examples
}

/** The words of a command line, with single quotes as the shell reads them. */
function words (command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map(([, quoted, bare]) => quoted ?? bare!)
}

/** A curl command as a fetch: -X, -H, -d and the URL, localhost:4000 being the emulator's address. */
function request (command: string, base: string): { url: string, init: RequestInit } {
  const args = words(command).slice(1)
  const headers: Record<string, string> = {}
  let method: string | undefined
  let body: string | undefined
  let url = ''
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === '-X') method = args[++i]
    else if (arg === '-H') {
      const [name, ...value] = args[++i]!.split(':')
      headers[name!.trim().toLowerCase()] = value.join(':').trim()
    } else if (arg === '-d') body = args[++i]
    else if (arg === '-s') continue
    else url = arg.replace(/^(?:https?:\/\/)?localhost:4000/, base)
  }
  return { url, init: { method: method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body === undefined ? {} : { body }) } }
}

/** Same keys in the same order, same values; a string with … in `shown` matches any string. */
function sameAnswer (shown: unknown, actual: unknown, at = ''): void {
  if (typeof shown === 'string' && shown.includes('…')) {
    expect(typeof actual, at).toBe('string')
    return
  }
  if (typeof shown !== 'object' || shown === null) {
    expect(actual, at).toStrictEqual(shown)
    return
  }
  expect(typeof actual === 'object' && actual !== null ? Object.keys(actual) : actual, `the fields of ${at || 'the answer'}`).toStrictEqual(Object.keys(shown))
  for (const [key, value] of Object.entries(shown)) sameAnswer(value, (actual as Record<string, unknown>)[key], `${at}/${key}`)
}

describe('the README\'s curl examples', () => {
  let braze: BrazeMock
  let examples: Example[]
  beforeAll(async () => {
    braze = await startEmulator()
    examples = curlExamples(await readFile(new URL('../README.md', import.meta.url), 'utf8'))
  })
  afterAll(async () => { await braze.close() })

  it('include the control plane\'s, with the answers they show', () => {
    const commands = examples.map(example => example.command).join('\n')
    for (const path of ['/_mock/reset', '/_mock/clock', '/_mock/journal', '/_mock/faults', '/_mock/overrides', '/_mock/fixtures/reload']) {
      expect(commands).toContain(path)
    }
    expect(examples.filter(example => example.expected !== undefined).length).toBeGreaterThanOrEqual(5)
  })

  it('answer as the README says, run in order', async () => {
    for (const { command, expected } of examples) {
      const { url, init } = request(command, braze.url)
      const response = await fetch(url, init)
      const text = await response.text()
      expect(response.status, `${command}: ${text}`).toBeLessThan(400)
      if (expected !== undefined) sameAnswer(JSON.parse(expected), JSON.parse(text), command)
    }
  })
})
