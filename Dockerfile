# duban — multi-stage image. Build: docker build -t duban .
# Node 26 is the Active LTS line (since 2026-10-28, supported to 2029-04-30);
# the code also runs on Node 20 (CI) — test/runtime/node-runtime.test.ts
# checks this line against the release schedule and package.json's engines.
# Stage 1 installs everything (native better-sqlite3 is compiled here) and
# generates the Prisma clients, then builds dist/; stage 2 keeps production
# dependencies only.
FROM node:26-trixie-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY src/db ./src/db
RUN npm ci --no-audit --no-fund
COPY . .
# Compiled JavaScript in dist/ (`npm start` runs it; TypeScript is a dev dependency, pruned next).
RUN npm run build
RUN npm prune --omit=dev

FROM node:26-trixie-slim
ENV NODE_ENV=production PORT=3000 DATABASE_URL=file:/data/duban.db
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Migrations are applied at start (prisma migrate deploy), then the service runs.
CMD ["npm", "start"]
