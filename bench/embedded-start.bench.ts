/**
 * Start-up of embedded mode (PGlite in DATA_DIR), as `npm run demo` starts: time from spawning
 * the process to its prompt, and the process's peak resident memory (VmHWM) by then. First
 * start on a fresh DATA_DIR (the install-time template copied in, migrations applied), and a
 * warm start on the same DATA_DIR. For comparison, in the same run: PGlite's initdb on a fresh
 * directory plus the migrations, which is what a first start does without the template.
 * Targets: first start < 400 MB and < 4 s; warm start < 300 MB. Medians of RUNS runs, each in
 * a fresh process. Measured twice: the sources through tsx (what `npm run demo` runs, and what
 * the targets are judged on) and an esbuild bundle of the console made here as `npm run build`
 * bundles src/main.ts for `npm start` (tsx's loader and transpiling cost about 70 MB more).
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle } from "../scripts/bundle";

const RUNS = 3;
const READY = "carebridge console — database:";
const TARGET_FIRST_MB = 400;
const TARGET_FIRST_MS = 4000;
const TARGET_WARM_MB = 300;
const root = resolve(fileURLToPath(import.meta.url), "../..");

interface Start {
  ms: number;
  peakMb: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const verdict = (ok: boolean) => (ok ? "OK" : "MISS");
const peakOf = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;

// Embedded mode is what is measured, whatever the calling shell has set.
const { DATABASE_URL: _unused, ...embeddedEnv } = process.env;

/** `npm run demo` (or `command`, its bundle) on dataDir, from spawn to the prompt; then quits. */
function demoStart(dataDir: string, command: string[]): Promise<Start> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, command, {
      cwd: root,
      env: { ...embeddedEnv, DATA_DIR: dataDir },
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    let result: Start | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (result === undefined && output.includes(READY) && child.pid !== undefined) {
        result = { ms: performance.now() - start, peakMb: peakOf(child.pid) };
        child.stdin.end("quit\n");
      }
    });
    child.on("exit", (code) =>
      result === undefined ? fail(new Error(`demo exited (${code}): ${output}`)) : done(result),
    );
  });
}

/** What a first start does without the template: initdb on a fresh directory, then the migrations. */
async function initdbStart(dataDir: string): Promise<void> {
  const start = performance.now();
  const [{ PGlite }, { pgliteConnection }, { openDatabase }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("../src/db/pglite"),
    import("../src/db/client"),
  ]);
  const db = await openDatabase(pgliteConnection(await PGlite.create(join(dataDir, "pgdata"))));
  const ms = performance.now() - start;
  await db.close();
  console.log(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024 }));
}

function inChild(mode: string, dataDir: string): Start {
  const run = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), mode, dataDir], {
    cwd: root,
    encoding: "utf8",
  });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{")) throw new Error(`${mode} failed: ${run.stdout}${run.stderr}`);
  return JSON.parse(line) as Start;
}

/** The console bundled as `npm run build` bundles the app, inside the package so it finds node_modules. */
async function bundleConsole(): Promise<string> {
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, "carebridge-bench-console-"));
  await bundle(join(root, "src/console/main.ts"), outdir);
  return outdir;
}

async function parent(): Promise<void> {
  const { INITDB_TEMPLATE } = await import("../src/db/pgliteTemplate");
  const bundle = await bundleConsole();
  try {
    for (const [label, command] of [
      ["compiled bundle", [join(bundle, "main.js")]],
      ["tsx (npm run demo)", ["--import", "tsx", join(root, "src/console/main.ts")]],
    ] as const) {
      console.log(`embedded-start: ${label}`);
      await measure(INITDB_TEMPLATE, [...command], label.startsWith("tsx"));
    }
  } finally {
    rmSync(bundle, { recursive: true, force: true });
  }
}

/** RUNS first and warm starts of command, and (judged) the targets; initdb alone for comparison once. */
async function measure(template: string, command: string[], judged: boolean): Promise<void> {
  console.log(`machine load (uptime): ${spawnSync("uptime", { encoding: "utf8" }).stdout.trim()}`);
  console.log(
    `database: PGlite (embedded), DATA_DIR a fresh temporary directory per run; template ${existsSync(template) ? template : "MISSING (first starts run initdb)"}`,
  );
  const first: Start[] = [];
  const warm: Start[] = [];
  const initdb: Start[] = [];
  for (let run = 0; run < RUNS; run++) {
    const dir = mkdtempSync(join(tmpdir(), "carebridge-start-"));
    try {
      first.push(await demoStart(dir, command));
      warm.push(await demoStart(dir, command));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (!judged) continue;
    const bare = mkdtempSync(join(tmpdir(), "carebridge-initdb-"));
    try {
      initdb.push(inChild("initdb", bare));
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  }
  const line = (label: string, starts: Start[]) =>
    `${label}: median ${Math.round(median(starts.map((s) => s.ms)))} ms to ready, peak RSS ${Math.round(median(starts.map((s) => s.peakMb)))} MB ` +
    `(runs: ${starts.map((s) => `${(s.ms / 1000).toFixed(1)} s/${Math.round(s.peakMb)} MB`).join(", ")})`;
  const [firstMs, firstMb, warmMb] = [
    median(first.map((s) => s.ms)),
    median(first.map((s) => s.peakMb)),
    median(warm.map((s) => s.peakMb)),
  ];
  console.log(`embedded-start: ${line("first start (template)", first)}`);
  console.log(
    `embedded-start:   peak < ${TARGET_FIRST_MB} MB ${verdict(firstMb < TARGET_FIRST_MB)}, ready < ${TARGET_FIRST_MS} ms ${verdict(firstMs < TARGET_FIRST_MS)}`,
  );
  console.log(`embedded-start: ${line("warm start", warm)}`);
  console.log(`embedded-start:   peak < ${TARGET_WARM_MB} MB ${verdict(warmMb < TARGET_WARM_MB)}`);
  if (judged) console.log(`embedded-start: ${line("for comparison, initdb + migrations alone (no app)", initdb)}`);
  console.log(`machine load after (uptime): ${spawnSync("uptime", { encoding: "utf8" }).stdout.trim()}`);
  if (judged && (firstMb >= TARGET_FIRST_MB || firstMs >= TARGET_FIRST_MS || warmMb >= TARGET_WARM_MB))
    process.exitCode = 1;
}

const [mode, dataDir] = process.argv.slice(2);
if (mode === "initdb" && dataDir !== undefined) await initdbStart(dataDir);
else await parent();
