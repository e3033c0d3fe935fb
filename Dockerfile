# One image for every service, built in stages: the dependencies, the build (each app compiled to
# JavaScript by `nx build`, the web pages bundled), and a slim runtime with production dependencies
# only that runs `node dist/apps/<app>/main.js` as the unprivileged `node` user. docker-compose.yml
# picks each service's entry point. No install script runs and nothing is downloaded at install time.

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund

FROM deps AS build
ENV NX_DAEMON=false NX_NO_CLOUD=true
COPY . .
RUN npx nx run-many -t build -p tag:type:app --parallel=2 --outputStyle=static

FROM node:20-bookworm-slim AS production-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=production-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/apps ./dist/apps
COPY package.json ./
# Case attachments on the filesystem store (a volume in docker-compose.yml), writable by the service user.
RUN mkdir -p var/object-storage && chown node:node var/object-storage
USER node
EXPOSE 4000
CMD ["node", "dist/apps/gateway/main.js"]
