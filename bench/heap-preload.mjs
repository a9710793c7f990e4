// Loaded into a server by bench/heap.ts (node --import): on SIGPWR the server writes a heap snapshot of itself
// to BENCH_HEAP_SNAPSHOT (V8 collects all garbage first), then, beside it, what its heap spaces hold right
// after: its live heap. SIGPWR because the emulator's close-with-grace takes the usual signals
// (SIGUSR2 among them) as a request to shut down.
import { writeFileSync } from 'node:fs'
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8'

const target = process.env.BENCH_HEAP_SNAPSHOT
if (target !== undefined) {
  process.on('SIGPWR', () => {
    writeHeapSnapshot(target)
    const mb = (bytes) => Math.round(bytes / 1048576 * 10) / 10
    const spaces = Object.fromEntries(getHeapSpaceStatistics()
      .filter(space => space.space_size > 0)
      .map(space => [space.space_name, { live: mb(space.space_used_size) }]))
    writeFileSync(`${target}.json`, JSON.stringify({ spaces }))
  })
}
