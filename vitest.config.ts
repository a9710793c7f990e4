import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real sockets and child processes are part of the suite; the default 5 s is tight on a shared 2-core machine.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
