# syntax=docker/dockerfile:1
# opwatch's production image: the standalone server that `npm run build` assembles, run as the image's non-root `node`
# user, configured only by its environment (README: "Configuration" and "Deploying").
#
#   docker build -t opwatch .
#   docker run --rm -p 3000:3000 -e AZURE_CLIENT_ID=<app registration's client id> opwatch

ARG NODE_IMAGE=node:20-bookworm-slim

# Every dependency, dev tools included: the build needs TypeScript, Tailwind and the type check's packages.
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# The lockfile is npm 11's (README: Node 20.19+ with npm 11); Node 20 images ship npm 10.
RUN npm install --global npm@11 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ENV NEXT_TELEMETRY_DISABLED=1
COPY . .
# `next build` (into .next: NEXT_DIST_DIR is unset here), then scripts/assemble-standalone.mjs puts the static
# assets, public/ and scripts/standalone-server.mjs (as server.js) into .next/standalone.
RUN npm run build

# Only the standalone folder: the traced runtime files of `next`, `react` and their own dependencies, no dev dependency,
# no npm install. The code stays root's, so the server cannot rewrite itself; .next/cache is the one place Next may
# write at run time (its fetch and image caches; opwatch writes nothing today).
FROM ${NODE_IMAGE} AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000
COPY --from=build /app/.next/standalone ./
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
# Node's own fetch: slim images have no curl or wget. Orchestrators with probes of their own (Azure Container Apps,
# App Service, Kubernetes) ignore this; point theirs at the same path.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Node itself as PID 1 (no npm in between): SIGTERM from `docker stop` reaches the server, which stops cleanly.
CMD ["node", "server.js"]
