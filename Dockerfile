# The service only; the database is the neo4j service of docker-compose.yml (NEO4J_URI).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY scripts ./scripts
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The explorer page is served from src/explorer (see src/explorer/explorer.router.ts).
COPY src/explorer ./src/explorer
COPY schema ./schema
COPY seeds ./seeds
EXPOSE 4000
CMD ["node", "dist/src/main.js"]
