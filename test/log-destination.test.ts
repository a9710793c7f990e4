// The process entries' log destination (src/log-destination.ts): lines leave after the turn they were written
// in, in order and whole, and none is lost when the process exits in that same turn.
import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { turnBatchedDestination } from '../src/log-destination.js'

describe('log destination: one write per event-loop turn', () => {
  let directory: string
  let file: string
  let fd: number
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'braze-mock-log-'))
    file = join(directory, 'out.log')
    fd = openSync(file, 'w')
  })
  afterEach(() => {
    closeSync(fd)
    rmSync(directory, { recursive: true, force: true })
  })

  it('writes the lines of a turn after it, in order, and those of the next turn after them', async () => {
    const destination = turnBatchedDestination(fd)
    destination.write('{"n":1}\n')
    destination.write('{"n":2,"name":"Café ☕ 東京"}\n')
    expect(readFileSync(file, 'utf8')).toBe('')
    await nextTurn()
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2,"name":"Café ☕ 東京"}\n')
    destination.write('{"n":3}\n')
    await nextTurn()
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2,"name":"Café ☕ 東京"}\n{"n":3}\n')
  })

  it('writes what is pending at once on flush, and calls back', async () => {
    const destination = turnBatchedDestination(fd)
    destination.write('{"n":1}\n')
    let called = false
    destination.flush(() => { called = true })
    expect({ written: readFileSync(file, 'utf8'), called }).toStrictEqual({ written: '{"n":1}\n', called: true })
    await nextTurn()
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n')
  })

  it('loses no line written in the turn the process exits in', () => {
    const script = "import { turnBatchedDestination } from './src/log-destination.ts'\n" +
      'const destination = turnBatchedDestination()\n' +
      "destination.write('first\\n')\n" +
      "destination.write('last\\n')\n" +
      'process.exit(0)\n'
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' })
    expect(output).toBe('first\nlast\n')
  })
})
