// V8 settings for the emulator's own process, set by run() (src/start.ts) once the server listens. Never by
// buildApp() or startEmulator(): an embedder's process keeps its own settings.
//
// Allocation-site pretenuring goes off. V8 allocates an object literal straight into the old generation once
// most objects from its site have survived a scavenge. Computing answers under concurrent load (the bench's
// realistic mix: 32 connections, about 270 KB allocated per computed answer) keeps in-flight requests'
// objects alive across scavenges, so sites on every request's path were judged long-lived and stayed so.
// Afterwards each kept answer promoted about 250 bytes to the old generation where a fresh server promoted
// 35, and the old generation filled with garbage that only a full collection frees: one marked a 133 MB heap
// for 240 ms within a 3 s round of the mix (BENCHMARKS.md, seventh pass).
//
// It goes off after the start, not before: the world built at load is long-lived, and building it with
// pretenuring on starts the server about 18 ms sooner. It must also stay on while the server's bundle is
// compiled, as V8 accepts a code cache only under the flags it was written with (src/bundle-loader.ts).
import { setFlagsFromString } from 'node:v8'

/** Sets them; idempotent. */
export function tuneV8 (): void {
  setFlagsFromString('--no-allocation-site-pretenuring')
}
