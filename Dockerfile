# syntax=docker/dockerfile:1
# Build stage: dev dependencies and the TypeScript compiler.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/bundle.mjs scripts/bundle-url.mjs scripts/code-cache.mjs ./scripts/
COPY src ./src
# The build ends by starting the server's bundle once on the built-in fixtures to write its code cache, with
# this stage's Node, the same as the run stage's: V8 uses a cache only on the Node that wrote it.
COPY fixtures ./fixtures
RUN npm run build

# Run stage: production dependencies, the built output, the built-in fixtures and the console's files only.
FROM node:22-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY fixtures ./fixtures
COPY console ./console
USER node
EXPOSE 4000
# Node's own fetch, so the slim image needs no curl; PORT is read so an override keeps the check right.
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/_mock/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is PID 1 and receives SIGTERM itself, so close-with-grace drains in-flight requests.
CMD ["node", "dist/server.js"]
