/**
 * Start-up of `npm run demo` (the console, embedded mode: PGlite in DATA_DIR), as a user starts
 * it: time from spawning `npm run demo` to the console's prompt; the peak resident memory (VmHWM)
 * of the app's process by then (npm's own process is not counted); and the CPU time that process
 * used (the time to ready grows with the machine's load, the CPU time hardly). First start on a
 * fresh DATA_DIR (the install-time template copied in), and a warm start on the same DATA_DIR.
 * Targets: first start < 400 MB and < 4 s; warm start < 300 MB. Medians of RUNS runs, each a
 * fresh process, dist/ current (a first `npm run demo` after an edit bundles first: timed apart).
 * For comparison, in the same run: what npm runs without npm, the same without node's
 * --liftoff-only (see scripts/demo.js), the sources through tsx (what `npm run demo` ran before it
 * ran the bundle), and PGlite's initdb plus the migrations, which a first start without the
 * template would do.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { bundle } from "../scripts/bundle.js";
import { staleness } from "../scripts/launch.js";
import { cpuMsOf, memoryOf } from "./proc";

const RUNS = 3;
const READY = "carebridge console — database:";
const TARGET_FIRST_MB = 400;
const TARGET_FIRST_MS = 4000;
const TARGET_WARM_MB = 300;
const root = resolve(fileURLToPath(import.meta.url), "../..");

interface Start {
  ms: number;
  peakMb: number;
  /** CPU time the app's process used until ready (all its threads): unlike the time to ready, barely moved by the machine's load. */
  cpuMs?: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const verdict = (ok: boolean) => (ok ? "OK" : "MISS");
const uptime = () => spawnSync("uptime", { encoding: "utf8" }).stdout.trim();
/** The node process under `pid` (itself included) that runs `script`: npm runs the app through a shell. */
function findProcess(pid: number, script: string): number | undefined {
  const [program, ...args] = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  if (basename(program ?? "") === "node" && args.some((arg) => arg.endsWith(script))) return pid;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean)) {
      const found = findProcess(Number(child), script);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

// Embedded mode is what is measured, whatever the calling shell has set.
const { DATABASE_URL: _unused, ...embeddedEnv } = process.env;

interface Variant {
  label: string;
  command: string[];
  /** The end of the app process's command line, to find it under npm. */
  app: string;
}

/** `command` on dataDir, from spawn to the prompt; then quits. */
function demoStart(dataDir: string, { command: [file, ...args], app }: Variant): Promise<Start> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(file!, args, {
      cwd: root,
      env: { ...embeddedEnv, DATA_DIR: dataDir },
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    let result: Start | undefined;
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (result === undefined && output.includes(READY) && child.pid !== undefined) {
        const ms = performance.now() - start;
        const pid = findProcess(child.pid, app);
        if (pid === undefined) return fail(new Error(`no process running ${app} under ${child.pid}`));
        result = { ms, peakMb: memoryOf(pid).peakMb, cpuMs: cpuMsOf(pid) };
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

const line = (label: string, starts: Start[]) => {
  const cpu = starts.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
  return (
    `${label}: median ${Math.round(median(starts.map((s) => s.ms)))} ms to ready, peak RSS ${Math.round(median(starts.map((s) => s.peakMb)))} MB` +
    (cpu.length > 0 ? `, app CPU ${Math.round(median(cpu))} ms` : "") +
    ` (runs: ${starts.map((s) => `${(s.ms / 1000).toFixed(1)} s/${Math.round(s.peakMb)} MB`).join(", ")})`
  );
};

/**
 * RUNS first and warm starts of each variant, each first start on a fresh temporary DATA_DIR.
 * The variants take turns within a run, so a change in the machine's load falls on all of them.
 */
async function measure(variants: Variant[]): Promise<Array<{ first: Start[]; warm: Start[] }>> {
  const results = variants.map(() => ({ first: [] as Start[], warm: [] as Start[] }));
  for (let run = 0; run < RUNS; run++) {
    for (const [i, variant] of variants.entries()) {
      const dir = mkdtempSync(join(tmpdir(), "carebridge-start-"));
      try {
        results[i]!.first.push(await demoStart(dir, variant));
        results[i]!.warm.push(await demoStart(dir, variant));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  for (const [i, variant] of variants.entries()) {
    console.log(`embedded-start: ${variant.label}: ${line("first start", results[i]!.first)}`);
    console.log(`embedded-start: ${variant.label}: ${line("warm start", results[i]!.warm)}`);
  }
  return results;
}

/** How long the on-demand bundling takes (into a directory of its own, so dist/ is left as it is). */
async function bundlingMs(): Promise<number> {
  const cache = join(root, "node_modules", ".cache");
  mkdirSync(cache, { recursive: true });
  const outdir = mkdtempSync(join(cache, "carebridge-bench-bundle-"));
  try {
    const start = performance.now();
    await bundle(outdir, join(root, "src"));
    return performance.now() - start;
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function parent(): Promise<void> {
  const { INITDB_TEMPLATE_DIR } = await import("../src/db/pgliteTemplate");
  console.log(`embedded-start: machine load (uptime): ${uptime()}`);
  console.log(
    `embedded-start: database: PGlite (embedded), DATA_DIR a fresh temporary directory per run; template ` +
      (existsSync(INITDB_TEMPLATE_DIR) ? INITDB_TEMPLATE_DIR : "MISSING (first starts run initdb)"),
  );
  // The timed runs start from a current dist/, as every `npm run demo` but the first after an edit does.
  if (staleness("console/main") !== undefined) await bundle(join(root, "dist"), join(root, "src"));
  console.log(
    `embedded-start: bundling src/ on demand (a first npm run demo after an edit): ${Math.round(await bundlingMs())} ms`,
  );
  // What `npm run demo` runs ("node <flags> scripts/demo.js"), to time it without npm too.
  const [program, ...args] = (
    JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: { demo: string } }
  ).scripts.demo.split(" ");
  if (program !== "node") throw new Error(`npm run demo runs ${program}, not node`);
  const [demo] = await measure([
    { label: "npm run demo", command: ["npm", "run", "--silent", "demo"], app: "scripts/demo.js" },
    {
      label: `for comparison, without npm (node ${args.join(" ")})`,
      command: [process.execPath, ...args],
      app: "scripts/demo.js",
    },
    {
      label: "for comparison, the same without --liftoff-only",
      command: [process.execPath, ...args.filter((arg) => arg !== "--liftoff-only")],
      app: "scripts/demo.js",
    },
    {
      label: "for comparison, the sources through tsx",
      command: [process.execPath, "--import", "tsx", join(root, "src/console/main.ts")],
      app: "src/console/main.ts",
    },
  ]);
  const [firstMs, firstMb, warmMb] = [
    median(demo!.first.map((s) => s.ms)),
    median(demo!.first.map((s) => s.peakMb)),
    median(demo!.warm.map((s) => s.peakMb)),
  ];
  const met = [firstMb < TARGET_FIRST_MB, firstMs < TARGET_FIRST_MS, warmMb < TARGET_WARM_MB];
  console.log(
    `embedded-start: npm run demo: first start peak < ${TARGET_FIRST_MB} MB ${verdict(met[0]!)}, ready < ${TARGET_FIRST_MS} ms ${verdict(met[1]!)}; ` +
      `warm start peak < ${TARGET_WARM_MB} MB ${verdict(met[2]!)}`,
  );
  const initdb: Start[] = [];
  for (let run = 0; run < RUNS; run++) {
    const bare = mkdtempSync(join(tmpdir(), "carebridge-initdb-"));
    try {
      initdb.push(inChild("initdb", bare));
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  }
  console.log(`embedded-start: ${line("for comparison, initdb + migrations alone (no app)", initdb)}`);
  console.log(`embedded-start: machine load after (uptime): ${uptime()}`);
  if (met.includes(false)) process.exitCode = 1;
}

const [mode, dataDir] = process.argv.slice(2);
if (mode === "initdb" && dataDir !== undefined) await initdbStart(dataDir);
else await parent();
