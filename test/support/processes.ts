// Real processes for tests that need more than one: app instances started as `npm start` starts
// them, and the sandbox vendors in a process of their own, so vendor state outlives an app crash.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Caregiver, LmsUser } from "../../src/providers/records";

const ROOT = process.cwd();
const TSX = import.meta.resolve("tsx");

export interface ChildLine {
  msg?: string;
  [key: string]: unknown;
}

/** A child process whose stdout JSON log lines (and other lines) are kept for waiting on. */
export class Child {
  readonly lines: ChildLine[] = [];
  readonly output: string[] = [];
  readonly exited: Promise<number | null>;
  exitCode: number | null | undefined;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly name: string,
    readonly proc: ChildProcess,
  ) {
    const read = (stream: NodeJS.ReadableStream | null) => {
      let partial = "";
      stream?.setEncoding("utf8");
      stream?.on("data", (chunk: string) => {
        const parts = (partial + chunk).split("\n");
        partial = parts.pop() ?? "";
        for (const line of parts) this.add(line);
      });
    };
    read(proc.stdout);
    read(proc.stderr);
    this.exited = new Promise((resolve) =>
      proc.on("exit", (code) => {
        this.exitCode = code;
        this.wake();
        resolve(code);
      }),
    );
  }

  private add(line: string): void {
    this.output.push(line);
    if (line.startsWith("{")) {
      try {
        this.lines.push(JSON.parse(line) as ChildLine);
      } catch {
        // not a log line
      }
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter();
  }

  get alive(): boolean {
    return this.exitCode === undefined;
  }

  /** What `check` finds once the process has printed it; fails if the process exits first. */
  waitFor<T>(check: () => T | undefined, timeoutMs = 30_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const look = () => {
        const found = check();
        if (found !== undefined) return done(() => resolve(found));
        if (!this.alive)
          return done(() => reject(new Error(`${this.name} exited (${this.exitCode}):\n${this.tail()}`)));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`timed out waiting for ${this.name}:\n${this.tail()}`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(look);
        settle();
      };
      this.waiters.add(look);
      look();
    });
  }

  /** The first JSON log line `find` accepts. */
  waitForLine(find: (line: ChildLine) => boolean, timeoutMs?: number): Promise<ChildLine> {
    return this.waitFor(() => this.lines.find(find), timeoutMs);
  }

  /** The first line of output `pattern` matches. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string> {
    return this.waitFor(() => this.output.find((l) => pattern.test(l)), timeoutMs);
  }

  /** What it printed last, for a failure message. */
  tail(count = 20): string {
    return this.output.slice(-count).join("\n");
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<number | null> {
    if (this.alive) this.proc.kill(signal);
    return this.exited;
  }
}

/** What `find` finds, asked every 50 ms: for what a child causes elsewhere (a Slack message, a vendor's state). */
export async function until<T>(
  find: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const children = new Set<Child>();
// Should the test process itself end abruptly, no child outlives it.
process.once("exit", () => children.forEach((c) => c.alive && c.proc.kill("SIGKILL")));

/** Kills every child still running: for afterAll, which runs whether the tests passed or not. */
export async function killAll(): Promise<void> {
  await Promise.all([...children].map((c) => c.kill("SIGKILL")));
  children.clear();
}

/** node with `nodeArgs`, as npm's script runs it (`tsx` or `node scripts/start.js`). */
function spawnNode(name: string, nodeArgs: string[], env: Record<string, string>): Child {
  // A directory without .env, so that only `env` configures the child.
  const cwd = mkdtempSync(join(tmpdir(), "carebridge-proc-"));
  const child = new Child(
    name,
    spawn(process.execPath, nodeArgs, {
      cwd,
      env: { PATH: process.env.PATH ?? "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  children.add(child);
  void child.exited.then(() => rmSync(cwd, { recursive: true, force: true }));
  return child;
}

export interface AppInstance extends Child {
  /** Where Slack's requests go: http://127.0.0.1:<port>/slack/events. */
  url: string;
}

/** node's arguments in package.json's start script ("node --liftoff-only scripts/start.js"), the script's path made absolute. */
const START_ARGS: string[] = (() => {
  const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { scripts: { start: string } };
  const [program, ...args] = manifest.scripts.start.split(" ");
  if (program !== "node") throw new Error(`package.json's start script runs ${program}, not node`);
  return args.map((arg) => (arg.endsWith(".js") ? join(ROOT, arg) : arg));
})();

/**
 * `npm start` in HTTP mode on `env` (DATABASE_URL, vendor URLs, …), from the bundle in dist/ as
 * npm start runs it (scripts/launch.js); resolves once it listens. The child is the app's own node
 * process: its pid is the app's, for signals and for its memory.
 */
export async function startApp(name: string, env: Record<string, string>): Promise<AppInstance> {
  const child = spawnNode(name, START_ARGS, {
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "info",
    ...env,
  });
  const running = await child.waitForLine((l) => l.msg === "carebridge is running", 90_000);
  return Object.assign(child, { url: `http://127.0.0.1:${String(running.port)}/slack/events` });
}

export interface SandboxProcess extends Child {
  origin: string;
  /** What an app instance needs to use every vendor here: <VENDOR>_BASE_URL and <VENDOR>_API_KEY. */
  env: Record<string, string>;
  /** Every vendor's records, read from the sandbox process. */
  state(): Promise<SandboxStateJson>;
  admin(action: "pause" | "resume" | `caregivers?count=${number}`): Promise<unknown>;
}

/** The sandbox's state as GET /_sandbox/state answers it (Maps as objects keyed by id). */
export interface SandboxStateJson {
  teletrack: { caregivers: Record<string, Caregiver>; lmsLinks: Record<string, string> };
  careacademy: { users: Record<string, LmsUser> };
  held: number;
  [vendor: string]: unknown;
}

/** `npm run sandbox` with `args`; resolves once it has printed the settings for the app. */
export async function startSandboxProcess(args: string[] = []): Promise<SandboxProcess> {
  const child = spawnNode(
    "sandbox",
    ["--import", TSX, join(ROOT, "src/providers/sandbox/main.ts"), "--port", "0", ...args],
    {
      LOG_LEVEL: "warn",
    },
  );
  await child.waitForOutput(/^SCIM_API_KEY=/);
  const env = Object.fromEntries(
    child.output.filter((l) => /^[A-Z]+_(BASE_URL|API_KEY)=/.test(l)).map((l) => l.split("=", 2) as [string, string]),
  );
  const origin = new URL(env.TELETRACK_BASE_URL!).origin;
  const call = async (method: string, path: string) => {
    const response = await fetch(`${origin}/_sandbox/${path}`, { method });
    if (!response.ok) throw new Error(`sandbox ${method} ${path}: ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  return Object.assign(child, {
    origin,
    env,
    state: () => call("GET", "state") as Promise<SandboxStateJson>,
    admin: (action: string) => call("POST", action),
  });
}
