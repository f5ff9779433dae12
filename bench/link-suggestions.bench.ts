/**
 * Storing a /link run's suggestions (src/app/linking/decisions.ts, syncSuggestions): the pairs the
 * matcher suggests for 10,000 and 100,000 synthetic members a side, stored in an empty database
 * (a first run), stored again unchanged (the next run), and stored again with 1% of the scores
 * changed (a rule or a record changed). Against the straightforward alternative measured in the
 * same run, which carebridge used before: Prisma's createMany per 5,000 rows, and one update per
 * rescored row. Each measurement runs in its own process, on a fresh database, so that its peak
 * memory is its own; the matcher's run that makes the suggestions is in both.
 * On PGlite (in memory), or on PostgreSQL when TEST_DATABASE_URL is set.
 * Run: npm run bench link-suggestions   (BENCH_LINK_SUGGESTIONS_MAX=10000 to stop at a smaller size)
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createDecisions } from "../src/app/linking/decisions";
import { suggestedPairs } from "../src/app/linking/overview";
import { openDatabase, type Database } from "../src/db/client";
import { resolveIdentities, type Suggestion } from "../src/domain/matching";
import { syntheticPeople } from "../test/domain/matching/synthetic";
import { freshConnection, testDatabaseKind } from "../test/support/db";

const SIZES = [10_000, 100_000];
const SEED = 20261123;
const WORKSPACE = "T0BENCH";
const CHUNK = 5_000;
const METHODS = ["carebridge", "createMany"] as const;
type Method = (typeof METHODS)[number];

interface Measured {
  suggestions: number;
  firstMs: number;
  againMs: number;
  rescoredMs: number;
  peakMb: number;
}

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** What carebridge did before: Prisma's createMany, and an update per rescored pair. */
async function storeWithCreateMany(db: Database, current: readonly Suggestion[]): Promise<void> {
  const existing = await db.prisma.linkSuggestion.findMany({
    where: { workspaceId: WORKSPACE, kind: "members" },
    select: { id: true, motivityId: true, calmanacId: true, score: true },
  });
  const known = new Map(existing.map((r) => [`${r.motivityId}>${r.calmanacId}`, r]));
  const fresh: Suggestion[] = [];
  for (const s of current) {
    const row = known.get(`${s.leftId}>${s.rightId}`);
    if (row === undefined) fresh.push(s);
    else if (row.score !== s.score)
      await db.prisma.linkSuggestion.update({ where: { id: row.id }, data: { score: s.score, reasons: s.reasons } });
  }
  for (let i = 0; i < fresh.length; i += CHUNK) {
    await db.prisma.linkSuggestion.createMany({
      data: fresh.slice(i, i + CHUNK).map((s) => ({
        workspaceId: WORKSPACE,
        kind: "members",
        motivityId: s.leftId,
        calmanacId: s.rightId,
        score: s.score,
        reasons: s.reasons,
      })),
      skipDuplicates: true,
    });
  }
}

async function measure(size: number, method: Method): Promise<Measured> {
  const set = syntheticPeople({ kind: "members", size, pairedShare: 0.7, seed: SEED });
  const current = suggestedPairs(
    resolveIdentities(set.left, set.right, { kind: "members", suggestScore: 0.75, maxSuggestions: 3 }),
  );
  const rescored = current.map((s, i) => (i % 100 === 0 ? { ...s, score: s.score - 0.001 } : s));
  const db = await openDatabase(await freshConnection());
  try {
    await db.prisma.workspace.create({ data: { id: WORKSPACE } });
    const decisions = createDecisions(db.prisma, () => new Date());
    const store = (list: readonly Suggestion[]) =>
      method === "carebridge"
        ? decisions.syncSuggestions(WORKSPACE, "members", list, () => false)
        : storeWithCreateMany(db, list);
    const timed = async (list: readonly Suggestion[]) => {
      const start = performance.now();
      await store(list);
      return performance.now() - start;
    };
    const firstMs = await timed(current);
    const againMs = await timed(current);
    const rescoredMs = await timed(rescored);
    const stored = await db.prisma.linkSuggestion.count({ where: { workspaceId: WORKSPACE } });
    if (stored !== current.length) throw new Error(`${method} stored ${stored} of ${current.length} suggestions`);
    return { suggestions: current.length, firstMs, againMs, rescoredMs, peakMb: peakMb() };
  } finally {
    await db.close();
  }
}

function inChild(size: number, method: Method): Measured {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "--expose-gc", fileURLToPath(import.meta.url), String(size), method],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 20 },
  );
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{")) throw new Error(`child ${size} ${method} failed: ${run.stdout}`);
  return JSON.parse(line) as Measured;
}

function parent(): void {
  const max = Number(process.env.BENCH_LINK_SUGGESTIONS_MAX ?? SIZES[SIZES.length - 1]);
  console.log(`machine load (uptime): ${spawnSync("uptime", { encoding: "utf8" }).stdout.trim()}`);
  console.log(
    `database: ${testDatabaseKind === "pglite" ? "PGlite, in memory" : "PostgreSQL (TEST_DATABASE_URL), a fresh database per measurement"}`,
  );
  console.log("   size a side | suggestions | method     | first store | again, unchanged | 1% rescored | peak RSS");
  for (const size of SIZES.filter((s) => s <= max)) {
    const [ours, theirs] = METHODS.map((method) => inChild(size, method));
    for (const [method, m] of [
      ["carebridge", ours],
      ["createMany", theirs],
    ] as const) {
      if (m === undefined) continue;
      console.log(
        `   ${size.toLocaleString("en-US").padStart(11)} | ${m.suggestions.toLocaleString("en-US").padStart(11)} | ${method.padEnd(10)} | ${`${Math.round(m.firstMs)} ms`.padStart(11)} | ${`${Math.round(m.againMs)} ms`.padStart(16)} | ${`${Math.round(m.rescoredMs)} ms`.padStart(11)} | ${m.peakMb} MB`,
      );
    }
    if (ours !== undefined && theirs !== undefined) {
      console.log(
        `   ${size.toLocaleString("en-US")} a side: the first store ${(theirs.firstMs / ours.firstMs).toFixed(1)}× faster than createMany, 1% rescored ${(theirs.rescoredMs / ours.rescoredMs).toFixed(1)}× faster, peak ${ours.peakMb} against ${theirs.peakMb} MB`,
      );
    }
  }
  console.log(`machine load after (uptime): ${spawnSync("uptime", { encoding: "utf8" }).stdout.trim()}`);
}

const [size, method] = process.argv.slice(2);
if (size !== undefined && (method === "carebridge" || method === "createMany"))
  console.log(JSON.stringify(await measure(Number(size), method)));
else parent();
