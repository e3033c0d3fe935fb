# One image for every service; docker-compose.yml picks the entry point per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The dispatch board's static files (served by apps/dispatch-board/server).
RUN npx vite build --config apps/dispatch-board/vite.config.mts --logLevel warn
ENV NODE_ENV=production HOST=0.0.0.0
CMD ["node", "-r", "@swc-node/register", "apps/gateway/src/main.ts"]
