// What dist/server-bundle.cjs exports (scripts/bundle.mjs): the entry's `run`, and what the build needs to
// start the bundle once, serve a few requests and write its code cache (scripts/code-cache.mjs).
export { run, start } from './start.js'
export { parseSettings } from './config.js'
