// What only a real socket shows: slow and silent clients, bodies on a GET, requests past the header limits,
// clients that leave mid-answer, and many idle keep-alive connections. Through all of it the server stays
// up and answers others. The limits come from src/plugins/server-limits.ts; where a test needs a short timeout it shortens
// the live server's value and says so, after checking that the configured one is in place.
import type { Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type BrazeMock } from '../../src/index.js'
import { SERVER_LIMITS } from '../../src/plugins/server-limits.js'
import { BUILT_IN } from '../helpers.js'

const KEY = BUILT_IN.lumen.keys.full
const SERIES = `/sessions/data_series?length=100&unit=hour&segment_id=${BUILT_IN.lumen.segments.allUsers}`

let braze: BrazeMock
let port: number
beforeAll(async () => {
  braze = await startEmulator({ now: '2026-11-23T12:00:00Z' })
  port = Number(new URL(braze.url).port)
})
afterAll(async () => { await braze.close() })
afterEach(() => {
  braze.reset()
  // Put back anything a test shortened.
  const server = braze.app.server
  server.headersTimeout = SERVER_LIMITS.http.headersTimeout
  server.requestTimeout = SERVER_LIMITS.requestTimeout
  server.keepAliveTimeout = SERVER_LIMITS.keepAliveTimeout
})

interface RawAnswer { status: number, headers: Record<string, string>, body: string, raw: string }

/** Parses the first HTTP answer in `raw` (Content-Length framed, as every answer here is). */
function parseAnswer (raw: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n')
  if (end === -1) throw new Error(`no complete answer in ${JSON.stringify(raw.slice(0, 200))}`)
  const [statusLine, ...lines] = raw.slice(0, end).split('\r\n')
  const headers = Object.fromEntries(lines.map(line => {
    const colon = line.indexOf(':')
    return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]
  }))
  const length = Number(headers['content-length'] ?? 0)
  return { status: Number(statusLine!.split(' ')[1]), headers, body: raw.slice(end + 4, end + 4 + length), raw }
}

/** Opens a socket, writes `text` (in chunks, if given several), and resolves with all it read once the server closes it. */
function exchange (chunks: string[], { end = false }: { end?: boolean } = {}): Promise<{ raw: string, closedByServer: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let raw = ''
    socket.setEncoding('latin1')
    socket.on('data', (data: string) => { raw += data })
    socket.on('error', (error: NodeJS.ErrnoException) => { if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error) })
    socket.on('close', () => { resolve({ raw, closedByServer: true }) })
    socket.on('connect', () => {
      const write = async () => {
        for (const chunk of chunks) {
          if (socket.destroyed) return
          socket.write(chunk, 'latin1')
          await new Promise(resolve => setImmediate(resolve))
        }
        if (end) socket.end()
      }
      write().catch(reject)
    })
  })
}

/** A GET with keep-alive off, answered in full: the status and body. */
async function fetchText (path: string, key: string | null = KEY): Promise<{ status: number, body: string }> {
  const response = await fetch(`${braze.url}${path}`, { headers: key === null ? {} : { authorization: `Bearer ${key}` } })
  return { status: response.status, body: await response.text() }
}

function expectBrazeError (answer: RawAnswer, status: number, message: string): void {
  expect(answer.status).toBe(status)
  expect(answer.headers['content-type']).toBe('application/json')
  expect(JSON.parse(answer.body)).toStrictEqual({ message })
}

describe('wire: the configured limits are the live server\'s', () => {
  it('applies every limit in src/plugins/server-limits.ts to the Node server', () => {
    const server = braze.app.server
    expect(server.requestTimeout).toBe(SERVER_LIMITS.requestTimeout)
    expect(server.headersTimeout).toBe(SERVER_LIMITS.http.headersTimeout)
    expect(server.keepAliveTimeout).toBe(SERVER_LIMITS.keepAliveTimeout)
    expect(server.timeout).toBe(SERVER_LIMITS.connectionTimeout)
    expect((server as Server & { maxHeaderSize?: number }).maxHeaderSize).toBe(SERVER_LIMITS.http.maxHeaderSize)
    expect(server.headersTimeout).toBeLessThan(server.requestTimeout)
    expect(braze.app.initialConfig.bodyLimit).toBe(SERVER_LIMITS.bodyLimit)
  })
})

describe('wire: slow and silent clients are cut off, and others are served meanwhile', () => {
  it('a client dribbling its headers gets a JSON 408 once past the headers timeout', async () => {
    // Shortened from the configured 10 s so the test takes seconds; Node's sweep runs every second.
    braze.app.server.headersTimeout = 1000
    braze.app.server.requestTimeout = 2000
    const socket = connect(port, '127.0.0.1')
    let raw = ''
    socket.setEncoding('latin1')
    socket.on('data', (data: string) => { raw += data })
    socket.on('error', () => {})
    const closed = new Promise<void>(resolve => socket.on('close', () => resolve()))
    socket.write('GET /segments/list HTTP/1.1\r\nHost: localhost\r\n')
    const dribble = setInterval(() => { if (!socket.destroyed) socket.write('X-Slow: 1\r\n') }, 100)
    try {
      // While it dribbles, another client is answered.
      const other = await fetchText('/segments/list')
      expect(other.status).toBe(200)
      await closed
    } finally {
      clearInterval(dribble)
    }
    expectBrazeError(parseAnswer(raw), 408, 'Request Timeout')
  })

  it('a client that connects and sends nothing gets the same 408 and is closed', async () => {
    braze.app.server.headersTimeout = 1000
    braze.app.server.requestTimeout = 2000
    const { raw } = await exchange([])
    expectBrazeError(parseAnswer(raw), 408, 'Request Timeout')
  })
})

describe('wire: requests past the limits get JSON answers, not a crash', () => {
  it('a request line longer than the header limit is 414', async () => {
    const { raw } = await exchange([`GET /segments/list?page=${'0'.repeat(SERVER_LIMITS.http.maxHeaderSize + 100)} HTTP/1.1\r\nHost: x\r\n\r\n`])
    const answer = parseAnswer(raw)
    expectBrazeError(answer, 414, 'URI Too Long')
    expect(answer.headers.connection).toBe('close')
  })

  it('one header past the limit is 431', async () => {
    const { raw } = await exchange([`GET /segments/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${'k'.repeat(SERVER_LIMITS.http.maxHeaderSize)}\r\n\r\n`])
    expectBrazeError(parseAnswer(raw), 431, 'Request Header Fields Too Large')
  })

  it('many small headers past the limit together are 431', async () => {
    const headers = Array.from({ length: 1000 }, (_, i) => `X-Header-${i}: ${'v'.repeat(20)}`).join('\r\n')
    const { raw } = await exchange([`GET /segments/list HTTP/1.1\r\nHost: x\r\n${headers}\r\n\r\n`])
    expectBrazeError(parseAnswer(raw), 431, 'Request Header Fields Too Large')
  })

  it('a URL just under the limit is served', async () => {
    // Less what fetch adds: its own headers take a few hundred bytes of the same limit.
    const padding = 'x'.repeat(SERVER_LIMITS.http.maxHeaderSize - 1000)
    const response = await fetchText(`/segments/list?ignored=${padding}`)
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toMatchObject({ message: 'success' })
  })

  it.each([
    ['not HTTP at all', 'HELLO\r\n\r\n'],
    ['a bad header name', 'GET /segments/list HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n'],
    ['a control byte in a header value', 'GET /segments/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer \x01\r\n\r\n'],
    ['both Content-Length and chunked', 'POST /_mock/reset HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ])('%s is a JSON 400', async (_, text) => {
    const { raw } = await exchange([text])
    expectBrazeError(parseAnswer(raw), 400, 'Bad Request')
  })

  it('an HTTP/1.1 request without Host is answered by the app, not with Node\'s empty 400', async () => {
    const { raw } = await exchange(['GET /segments/list HTTP/1.1\r\nAuthorization: Bearer nope\r\nConnection: close\r\n\r\n'])
    expectBrazeError(parseAnswer(raw), 401, 'Invalid API key: nope')
  })

  it('a path Fastify cannot decode is a JSON 400 with the Braze headers', async () => {
    const { raw } = await exchange(['GET /segments/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'])
    const answer = parseAnswer(raw)
    expectBrazeError(answer, 400, 'Bad Request')
    expect(answer.headers['cache-control']).toBe('no-cache')
  })

  it('a control body past bodyLimit is a JSON 413', async () => {
    const body = JSON.stringify({ at: 'x'.repeat(SERVER_LIMITS.bodyLimit) })
    const response = await fetch(`${braze.url}/_mock/clock/pin`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(response.status).toBe(413)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toStrictEqual({ message: 'Payload Too Large' })
  })
})

describe('wire: a GET with a body answers as without it', () => {
  it.each([
    ['a JSON body', 'Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{"a":1}'],
    ['a chunked body', 'Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n'],
    ['malformed JSON', 'Content-Type: application/json\r\nContent-Length: 5\r\n\r\n{"a":'],
    ['an unknown type', 'Content-Type: application/x-nope\r\nContent-Length: 3\r\n\r\nabc'],
  ])('%s', async (_, tail) => {
    const plain = await fetchText(SERIES)
    const { raw } = await exchange([`GET ${SERIES} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\nConnection: close\r\n${tail}`])
    const answer = parseAnswer(raw)
    expect(answer.status).toBe(200)
    expect(answer.body).toBe(plain.body)
  })
})

describe('wire: clients that leave', () => {
  /** Sends a request held back by a latency fault, and leaves before the answer. */
  async function leaveWhileHeldBack (): Promise<void> {
    braze.faults.add({ path: '/segments/list', effect: { type: 'latency', ms: 300 } })
    const socket: Socket = connect(port, '127.0.0.1')
    socket.on('error', () => {})
    await new Promise(resolve => socket.on('connect', resolve))
    socket.write(`GET /segments/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n\r\n`)
    await new Promise(resolve => setTimeout(resolve, 50))
    socket.destroy()
    // The held-back answer is written to a closed socket once the latency ends; the server must shrug.
    await new Promise(resolve => setTimeout(resolve, 400))
  }

  it('a client that disconnects while its answer is held back leaves the server serving', async () => {
    await leaveWhileHeldBack()
    const response = await fetchText('/segments/details?segment_id=' + BUILT_IN.lumen.segments.allUsers)
    expect(response.status).toBe(200)
  })

  // Regression: the journal recorded in onResponse only, which Fastify skips for a request whose client left
  // first, so such a request never reached the journal although the emulator received it.
  it('a request whose client left before the answer is still journalled, with status null', async () => {
    await leaveWhileHeldBack()
    expect(braze.journal.list({ path: '/segments/list' }).entries.map(e => e.status)).toEqual([null])
  })

  it('clients that read part of a large answer and then vanish leave the server serving', async () => {
    const cuts = await Promise.all(Array.from({ length: 20 }, () => new Promise<number>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      let read = 0
      socket.on('error', () => {})
      socket.on('data', (data: Buffer) => {
        read += data.length
        socket.destroy()
      })
      socket.on('close', () => resolve(read))
      socket.write(`GET ${SERIES} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n\r\n`)
    })))
    expect(cuts.every(read => read > 0)).toBe(true)
    const response = await fetchText(SERIES)
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body).data).toHaveLength(100)
  })

  it('a drop fault closes the connection without an answer, and the next request is served', async () => {
    braze.faults.add({ path: '/segments/list', effect: { type: 'drop' }, times: 1 })
    const { raw } = await exchange([`GET /segments/list HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${KEY}\r\n\r\n`])
    expect(raw).toBe('')
    expect((await fetchText('/segments/list')).status).toBe(200)
    expect(braze.journal.list({ path: '/segments/list' }).entries.map(e => e.status)).toEqual([null, 200])
  })
})

describe('wire: idle keep-alive connections', () => {
  it('many idle connections do not keep others from being served, and the server closes them after the keep-alive timeout', async () => {
    // Shortened from the configured 10 s so the test takes about a second. Raw sockets, because Node's own
    // Agent would close its idle sockets itself once the server's Keep-Alive hint runs out.
    braze.app.server.keepAliveTimeout = 800
    const idle = await Promise.all(Array.from({ length: 200 }, () => new Promise<{ socket: Socket, closed: Promise<void>, answer: Promise<string> }>((resolve) => {
      const socket = connect(port, '127.0.0.1')
      socket.setEncoding('latin1')
      socket.on('error', () => {})
      const closed = new Promise<void>(resolve => socket.once('close', () => resolve()))
      const answer = new Promise<string>(resolve => socket.once('data', (data: string) => resolve(data)))
      socket.on('connect', () => {
        socket.write('GET /_mock/health HTTP/1.1\r\nHost: x\r\n\r\n')
        resolve({ socket, closed, answer })
      })
    })))
    const answers = await Promise.all(idle.map(c => c.answer))
    expect(answers.every(raw => parseAnswer(raw).status === 200 && /keep-alive/i.test(parseAnswer(raw).headers.connection ?? ''))).toBe(true)
    // All 200 are answered, idle and open; a new client is still served.
    expect(idle.filter(c => !c.socket.destroyed)).toHaveLength(200)
    const other = await fetchText('/segments/list')
    expect(other.status).toBe(200)
    // The server closes every idle one (the test's own timeout bounds the wait).
    await Promise.all(idle.map(c => c.closed))
    expect(idle.every(c => c.socket.destroyed)).toBe(true)
  })
})
