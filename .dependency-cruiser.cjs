// The layers of src/, and the one direction imports may go (README, "Layout"): the HTTP edge (app, entries,
// plugins, routes, endpoint definitions) over the emulator's mutable state (clock, pools, journal, faults,
// overrides, control) over the pure world (fixtures, time, metrics, series). `npm run lint` fails on an
// import that goes up a layer; test/layering.test.ts shows that it does.
/** @type {import('dependency-cruiser').IConfiguration} */
const EDGE = '^src/(app|index|server|server-bundle|bundle-loader|cli|start|config|version|log-destination|v8-tuning)\\.ts$|^src/(plugins|routes|endpoints)/'
const STATE = '^src/emulator/'
const WORLD = '^src/world/'

module.exports = {
  forbidden: [
    {
      name: 'world-imports-upward',
      comment: 'The pure world (fixtures, time, metrics, series) imports nothing from the emulator\'s state or the HTTP edge.',
      severity: 'error',
      from: { path: WORLD },
      to: { path: `${STATE}|${EDGE}` },
    },
    {
      name: 'state-imports-edge',
      comment: 'The emulator\'s state knows nothing about HTTP: it imports only itself and the world.',
      severity: 'error',
      from: { path: STATE },
      to: { path: EDGE },
    },
    {
      name: 'world-is-pure',
      comment: 'The world reads no framework: no Fastify, no plugin.',
      severity: 'error',
      from: { path: WORLD },
      to: { path: '(^|/)node_modules/(fastify|@fastify/|fastify-plugin)' },
    },
    {
      name: 'src-in-a-layer',
      comment: 'Every file of src/ belongs to a layer, so that the rules above see it.',
      severity: 'error',
      from: { path: '^src/', pathNot: `${EDGE}|${STATE}|${WORLD}` },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
}
