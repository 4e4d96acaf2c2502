# syntax=docker/dockerfile:1
# One image recipe for every Baton app:  docker build --build-arg APP=orders -t baton/orders .
# APP is one of: gateway, inventory, orders, fulfillment, returns, tracking, standalone.
ARG NODE_IMAGE=node:20.20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node tools/build.js

FROM ${NODE_IMAGE} AS runtime
ARG APP
RUN test -n "${APP}" || (echo 'build with --build-arg APP=<app>' >&2 && exit 1)
ENV NODE_ENV=production \
    APP=${APP}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
RUN test -f "dist/apps/${APP}/src/main.js" || (echo "no app named ${APP}" >&2 && exit 1)
USER node
# exec, so node is PID 1's direct replacement and receives SIGTERM for a graceful shutdown.
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
