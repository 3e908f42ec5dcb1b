# syntax=docker/dockerfile:1
# Node.js 24 LTS (Node 20 left support on 2026-04-30; better-sqlite3 12 supports 20–26).
# Build stage: installs every dependency from the lock file (better-sqlite3 is compiled here
# when no prebuilt binary can be had), bundles src/ into dist/ with esbuild, then drops the
# dev dependencies (esbuild, tsx, the test tools).
FROM node:24-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

# Runtime stage: plain node on the compiled bundle, no compilers, no tsx, a non-root user,
# data on a volume.
FROM node:24-bookworm-slim
# No system fonts needed: the chart's font ships in node_modules (dejavu-fonts-ttf).
# DATABASE_PATH and FILES_DIR stay unset: their defaults (./data/tandem.db with a token,
# ./data/demo.db for the console demo, ./data/files) land on the volume through /app/data.
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY migrations ./migrations
RUN mkdir -p /data && chown node:node /data && ln -s /data /app/data
USER node
VOLUME ["/data"]
EXPOSE 3000
# HOST stays unset (every interface): the published port reaches the container from outside.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/main.js"]
