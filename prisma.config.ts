import { defineConfig } from "prisma/config";

// The URL matters only to `prisma migrate deploy` run by hand against PostgreSQL;
// the app applies migrations itself at start-up (src/db/migrations.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgres://localhost:5432/carebridge" },
});
