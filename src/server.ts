// The container's entry (`node dist/server.js`): every setting comes from the environment.
import { run } from './start.js'

await run(process.env)
