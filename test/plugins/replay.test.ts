// The replay in front of Fastify's lifecycle (src/plugins/replay.ts): on every endpoint, a request repeated on a
// real socket is answered by replay from its second time on, and what goes on the wire, into the journal and
// into the log is what the lifecycle writes for the same request (byte for byte, but for the request id).
// When replay must step aside is test/plugins/replay-fallback.test.ts.
import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrazeMockApp } from '../../src/app.js'
import { REPLAY_ENTRIES } from '../../src/plugins/replay.js'
import { ENDPOINT_TABLE, fixturesFor } from '../endpoints.js'
import { BUILT_IN, captureStdout, testApp } from '../helpers.js'

const FIXTURES = fixturesFor(ENDPOINT_TABLE)
const KEY = BUILT_IN.lumen.keys.full
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

/** One keep-alive connection that sends requests as written and returns each answer's exact bytes. */
class RawConnection {
  readonly #socket: Socket
  #received = Buffer.alloc(0)
  #waiting: (() => void) | undefined

  private constructor (socket: Socket) {
    this.#socket = socket
    socket.on('data', (chunk: Buffer) => {
      this.#received = Buffer.concat([this.#received, chunk])
      this.#waiting?.()
    })
  }

  static async open (port: number): Promise<RawConnection> {
    const socket = connect(port, '127.0.0.1')
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
    return new RawConnection(socket)
  }

  /** Sends a GET and resolves with the whole answer (status line, headers, body) as sent. */
  async get (path: string, host: string): Promise<string> {
    this.#socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${KEY}\r\n\r\n`)
    return await new Promise<string>((resolve) => {
      const check = (): void => {
        const end = this.#received.indexOf('\r\n\r\n')
        if (end === -1) return
        const head = this.#received.subarray(0, end).toString('latin1')
        const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0)
        if (this.#received.length < end + 4 + length) return
        const answer = this.#received.subarray(0, end + 4 + length).toString('utf8')
        this.#received = this.#received.subarray(end + 4 + length)
        this.#waiting = undefined
        resolve(answer)
      }
      this.#waiting = check
      check()
    })
  }

  close (): void {
    this.#socket.destroy()
  }
}

interface Served {
  readonly answers: string[]
  readonly lines: string[]
}

/** The same request three times on one connection to `app`, with what it logged. */
async function thrice (app: BrazeMockApp, url: string): Promise<Served> {
  const { port } = app.server.address() as AddressInfo
  const connection = await RawConnection.open(port)
  const answers: string[] = []
  try {
    const output = await captureStdout(async () => {
      for (let i = 0; i < 3; i++) answers.push(await connection.get(url, 'braze.test'))
    })
    return { answers, lines: output.split('\n').filter(line => line.includes('"msg":"request"')) }
  } finally {
    connection.close()
  }
}

const idOf = (answer: string): string => /\r\nx-request-id: (\S+)\r\n/.exec(answer)![1]!
const masked = (text: string): string => text.replaceAll(UUID, '<uuid>')
/** A log line without what differs between any two requests: the id, the time and the duration. */
const lineShape = (line: string): unknown => {
  const { reqId, time, ms, ...rest } = JSON.parse(line) as Record<string, unknown>
  return { ...rest, reqId: typeof reqId, time: typeof time, ms: typeof ms }
}

describe('replay: a repeated kept answer is replayed with the lifecycle\'s bytes, journal entry and log line', () => {
  let replaying: BrazeMockApp
  let plain: BrazeMockApp
  beforeAll(async () => {
    // Built while stdout is captured, pino writes to process.stdout itself, where each test can listen.
    await captureStdout(async () => {
      replaying = await testApp({ fixtures: FIXTURES, replay: true, logLevel: 'info' })
      plain = await testApp({ fixtures: FIXTURES, logLevel: 'info' })
      await replaying.listen({ port: 0, host: '127.0.0.1' })
      await plain.listen({ port: 0, host: '127.0.0.1' })
    })
  })
  afterAll(async () => {
    await replaying.close()
    await plain.close()
  })

  it('is off unless asked for', () => {
    expect(plain.replay).toBeNull()
    expect(replaying.replay).not.toBeNull()
  })

  it.each(ENDPOINT_TABLE)('$path: the second and third requests are replayed, and read as the lifecycle writes them', async ({ url }) => {
    const before = replaying.replay!.served
    const replayed = await thrice(replaying, url)
    const lifecycle = await thrice(plain, url)
    // The first is computed and kept by the lifecycle, the second and third replayed.
    expect(replaying.replay!.served - before).toBe(2)
    expect(replayed.answers[2]).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
    // Both apps have answered the same requests, so the rate-limit counts and the pinned Date agree too.
    expect(replayed.answers.map(masked)).toStrictEqual(lifecycle.answers.map(masked))

    const journal = replaying.emulator.journal.list()
    const plainJournal = plain.emulator.journal.list()
    const last = journal.at(-1)!
    expect(last.request_id).toBe(idOf(replayed.answers[2]!))
    expect({ ...last, request_id: '' }).toStrictEqual({ ...plainJournal.at(-1)!, request_id: '' })

    expect(replayed.lines).toHaveLength(3)
    expect(JSON.parse(replayed.lines[2]!)).toMatchObject({ reqId: idOf(replayed.answers[2]!) })
    expect(replayed.lines.map(lineShape)).toStrictEqual(lifecycle.lines.map(lineShape))
  })

  it('keeps replaying the same request, counting each against the pool and the journal', async () => {
    const url = ENDPOINT_TABLE[0]!.url
    await thrice(replaying, url)
    const before = replaying.replay!.served
    const seq = replaying.emulator.journal.list().at(-1)!.seq
    const { answers } = await thrice(replaying, url)
    expect(replaying.replay!.served - before).toBe(3)
    const remaining = answers.map(answer => Number(/\r\nx-ratelimit-remaining: (\d+)\r\n/.exec(answer)![1]))
    expect(remaining).toStrictEqual([remaining[0]!, remaining[0]! - 1, remaining[0]! - 2])
    expect(new Set(answers.map(idOf)).size).toBe(3)
    expect(replaying.emulator.journal.list().filter(entry => entry.seq > seq).map(entry => entry.request_id)).toStrictEqual(answers.map(idOf))
  })
})

describe('replay: what it remembers is bounded, and goes with the world', () => {
  let app: BrazeMockApp
  let connection: RawConnection
  beforeAll(async () => {
    app = await testApp({ replay: true })
    await app.listen({ port: 0, host: '127.0.0.1' })
    connection = await RawConnection.open((app.server.address() as AddressInfo).port)
  })
  afterAll(async () => {
    connection.close()
    await app.close()
  })

  it('forgets everything it remembered when the fixtures are reloaded, so that no old world is held', async () => {
    const pages = ['/segments/list?page=0', '/segments/list?page=1']
    for (const url of pages) {
      await connection.get(url, 'braze.test')
      await connection.get(url, 'braze.test')
    }
    const before = { size: app.replay!.size, served: app.replay!.served }
    await app.emulator.reload()
    await connection.get(pages[0]!, 'braze.test')
    expect({ size: app.replay!.size, served: app.replay!.served - before.served }).toStrictEqual({ size: 1, served: 0 })
    expect(before.size).toBeGreaterThanOrEqual(2)
    await connection.get(pages[0]!, 'braze.test')
    expect(app.replay!.served - before.served).toBe(1)
  })

  it(`remembers at most ${REPLAY_ENTRIES} requests, forgetting the oldest first`, async () => {
    // Pages past the last are cheap, distinct, kept answers (an empty list).
    const url = (page: number): string => `/segments/list?page=${1000 + page}`
    for (let page = 0; page <= REPLAY_ENTRIES; page++) {
      await connection.get(url(page), 'braze.test')
      await connection.get(url(page), 'braze.test')
    }
    expect(app.replay!.size).toBe(REPLAY_ENTRIES)
    const served = app.replay!.served
    // The newest is replayed; the oldest was forgotten, so the lifecycle answers it (and it is remembered again).
    await connection.get(url(REPLAY_ENTRIES), 'braze.test')
    expect(app.replay!.served - served).toBe(1)
    await connection.get(url(0), 'braze.test')
    expect(app.replay!.served - served).toBe(1)
    await connection.get(url(0), 'braze.test')
    expect(app.replay!.served - served).toBe(2)
    expect(app.replay!.size).toBe(REPLAY_ENTRIES)
  }, 60_000)
})
