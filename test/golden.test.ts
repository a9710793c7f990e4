// The golden test: the exact answers of a fixed set of requests to the real app, recorded in
// test/golden/answers.json, so that a change meant to move code and change no behaviour (such as reshaping
// src/) can be shown to change no byte of any answer: status, every header, in order, and the body.
//
//   GOLDEN_RECORD=1 npx vitest run test/golden.test.ts   rewrites the file (then read its diff before committing)
//   npx vitest run test/golden.test.ts                    compares each answer with its recording
//
// Only two things vary from run to run, and they are replaced, never dropped: the Date header (real time) by
// <date>, and request ids (random UUIDs, in X-Request-Id and in the journal's bodies) by <request-id:N>, N
// being the index in the file of the request that id belongs to. The one answer that follows real time, the
// clock's release, is recorded as its mode and offset only. Every request goes through inject() with the
// clock pinned, except the drop fault, which needs a real socket (the last group).
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { afterAll, describe, expect, it } from 'vitest'
import { testApp } from './helpers.js'
import { GROUPS, type Group, type RecordedAnswer, type Recorder, type SentRequest } from './golden/requests.js'
import type { BrazeMockApp } from '../src/index.js'

const RECORD = process.env.GOLDEN_RECORD === '1'
const FILE = new URL('./golden/answers.json', import.meta.url)

// ---------------------------------------------------------------------------------------------------------
// What a recording holds, and how an answer becomes one (the requests are in test/golden/requests.ts).

interface Entry {
  readonly name: string
  readonly request: SentRequest
  readonly answer: RecordedAnswer
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

/** The requests of one run, in order, and the request ids they were given. */
class Run implements Recorder {
  readonly entries: Entry[] = []
  readonly #requestIds = new Map<string, number>()

  /** Sends `request` to `app`, records its answer as `name` (unique in the run), and returns the recording. */
  async send (app: BrazeMockApp, name: string, request: SentRequest, shape?: (answer: RecordedAnswer) => RecordedAnswer) {
    const index = this.#reserve(name)
    const response = await app.inject({
      method: request.method,
      url: request.url,
      headers: request.headers,
      ...(request.body === undefined ? {} : { payload: request.body }),
    })
    const id = response.headers['x-request-id']
    if (typeof id === 'string') this.#requestIds.set(id, index)
    const headers: Record<string, string | string[]> = {}
    for (const [header, value] of Object.entries(response.headers)) {
      if (value === undefined) continue
      headers[header] = Array.isArray(value) ? value.map(v => this.#placeholders(v)) : this.#placeholders(String(value))
      if (header === 'date' && HTTP_DATE.test(String(value))) headers[header] = '<date>'
    }
    const answer = { status: response.statusCode, headers, body: this.#placeholders(response.body) }
    this.entries[index] = { name, request, answer: shape === undefined ? answer : shape(answer) }
    return answer
  }

  /** Records what a request outside inject() got; `requestId` is its id, if the emulator gave it one. */
  note (name: string, request: SentRequest, answer: RecordedAnswer, requestId?: string): void {
    const index = this.#reserve(name)
    if (requestId !== undefined) this.#requestIds.set(requestId, index)
    this.entries[index] = { name, request, answer }
  }

  #reserve (name: string): number {
    if (this.entries.some(entry => entry.name === name)) throw new Error(`two requests named "${name}"`)
    this.entries.push(undefined as unknown as Entry)
    return this.entries.length - 1
  }

  #placeholders (text: string): string {
    return text.replace(UUID, (uuid) => {
      const index = this.#requestIds.get(uuid)
      return index === undefined ? uuid : `<request-id:${index}>`
    })
  }
}

async function runGroup (run: Run, group: Group): Promise<void> {
  const prefix = `${group.name}: `
  if (group.runAlone !== undefined) return await group.runAlone(run, prefix)
  const config = typeof group.config === 'function' ? await group.config() : group.config ?? {}
  const app = await testApp(config)
  try {
    await group.run!((name, request, shape) => run.send(app, `${prefix}${name}`, request, shape), app)
  } finally {
    await app.close()
  }
}

// ---------------------------------------------------------------------------------------------------------

/** Headers as [name, value] pairs, so that a comparison sees their order too. */
function comparable (entry: Entry) {
  return { ...entry, answer: { ...entry.answer, headers: Object.entries(entry.answer.headers) } }
}

async function readRecorded (): Promise<Entry[]> {
  try {
    return JSON.parse(await readFile(FILE, 'utf8')) as Entry[]
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

const recorded = RECORD ? [] : await readRecorded()
const recordedIndex = new Map(recorded.map((entry, index) => [entry.name, index]))

describe(`golden answers (${RECORD ? 'recording' : 'comparing with'} test/golden/answers.json)`, () => {
  const run = new Run()
  let groupsRun = 0

  for (const group of GROUPS) {
    it(group.name, async () => {
      const first = run.entries.length
      await runGroup(run, group)
      groupsRun++
      if (RECORD) return
      for (let index = first; index < run.entries.length; index++) {
        const entry = run.entries[index]!
        const label = `request #${index} "${entry.name}"`
        expect.soft(recordedIndex.get(entry.name), `${label}: its place in the recorded file`).toBe(index)
        const expected = recorded[recordedIndex.get(entry.name) ?? -1]
        if (expected === undefined) continue
        expect.soft(comparable(entry), label).toEqual(comparable(expected))
      }
    })
  }

  it.skipIf(RECORD)('the recorded file holds exactly the requests of the run, in order', () => {
    expect(groupsRun, 'every group ran (run the whole file, not a filtered part of it)').toBe(GROUPS.length)
    const produced = run.entries.map(entry => entry.name)
    const names = recorded.map(entry => entry.name)
    expect(names.filter(name => !produced.includes(name)), 'recorded but not produced').toEqual([])
    expect(produced.filter(name => !recordedIndex.has(name)), 'produced but not recorded (GOLDEN_RECORD=1 to record)').toEqual([])
    expect(produced).toEqual(names)
  })

  afterAll(async () => {
    if (!RECORD || groupsRun !== GROUPS.length) return
    await mkdir(new URL('.', FILE), { recursive: true })
    await writeFile(FILE, `${JSON.stringify(run.entries, null, 2)}\n`)
  })
})
