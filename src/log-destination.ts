// pino's destination in the process entries: the lines written in one turn of the event loop leave in one
// synchronous write, through pino's own SonicBoom. A write per line was a quarter of the CPU under load; pino's
// asynchronous SonicBoom batches them, but hands every write to libuv's thread pool and measures the UTF-8
// length of all that is still pending on each line it takes, about 5 µs per request line against 1 µs for a
// write per turn (BENCHMARKS.md, fourth pass). Written synchronously, as Node writes to a pipe or a file on
// Linux, a line is never lost to an exit, and lines keep their order.
import pino from 'pino'

/** What pino needs of a destination: write, and flush for logger.flush(). */
export interface LogDestination {
  write (line: string): boolean
  flush (callback?: (error?: Error) => void): void
}

/** A destination on `fd` (stdout unless given) that writes once per event-loop turn. */
export function turnBatchedDestination (fd = 1): LogDestination {
  const sonic = pino.destination({ dest: fd, sync: true })
  const pending: string[] = []
  const flush = (): void => {
    if (pending.length === 0) return
    const data = pending.join('')
    pending.length = 0
    sonic.write(data)
  }
  // A line written in the turn the process exits in has no later turn.
  process.on('exit', flush)
  return {
    write (line) {
      if (pending.push(line) === 1) setImmediate(flush)
      return true
    },
    flush (callback) {
      flush()
      callback?.()
    },
  }
}
