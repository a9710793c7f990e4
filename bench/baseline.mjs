// The bench's baseline: a bare Fastify server with one route that answers a precomputed body, the same
// bytes as the emulator's 14-point /segments/data_series answer (BENCH_BODY, passed by bench/run.ts). No
// logger, no hooks, no validation: the floor of what any Fastify route on this machine costs.
import Fastify from 'fastify'

const body = process.env.BENCH_BODY ?? JSON.stringify({ message: 'success', data: [] })
const app = Fastify({ logger: false })
app.get('/segments/data_series', (_request, reply) => {
  reply.header('content-type', 'application/json').send(body)
})
await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' })
// Exit cleanly on a signal, so that `node --cpu-prof` writes its profile.
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { app.close().then(() => process.exit(0)) })
