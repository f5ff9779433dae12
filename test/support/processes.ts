// Real processes for tests that need more than one: app instances started as `npm start` starts
// them, and the sandbox vendors in a process of their own, so vendor state outlives an app crash.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

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
      proc.on("exit", (code, signal) => {
        this.exitCode = code ?? (signal ? null : code);
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

  /** The first log line `find` accepts, once it is written; fails if the process exits first. */
  waitForLine(find: (line: ChildLine) => boolean, timeoutMs = 30_000): Promise<ChildLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.lines.find(find);
        if (found) return done(() => resolve(found));
        if (!this.alive)
          return done(() => reject(new Error(`${this.name} exited (${this.exitCode}):\n${this.tail()}`)));
      };
      const timer = setTimeout(
        () => done(() => reject(new Error(`timed out waiting for ${this.name}:\n${this.tail()}`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
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

const children = new Set<Child>();

/** Kills every child still running: call it in afterAll, it also runs when a test failed. */
export async function killAll(): Promise<void> {
  await Promise.all([...children].map((c) => c.kill("SIGKILL")));
  children.clear();
}

function spawnTsx(name: string, script: string, args: string[], env: Record<string, string>): Child {
  // A directory without .env, so that only `env` configures the child.
  const cwd = mkdtempSync(join(tmpdir(), "carebridge-proc-"));
  const child = new Child(
    name,
    spawn(process.execPath, ["--import", TSX, join(ROOT, script), ...args], {
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

/** `npm start` in HTTP mode on `env` (DATABASE_URL, vendor URLs, …); resolves once it listens. */
export async function startApp(name: string, env: Record<string, string>): Promise<AppInstance> {
  const child = spawnTsx(name, "src/main.ts", [], { NODE_ENV: "test", PORT: "0", LOG_LEVEL: "info", ...env });
  const running = await child.waitForLine((l) => l.msg === "carebridge is running", 60_000);
  return Object.assign(child, { url: `http://127.0.0.1:${String(running.port)}/slack/events` });
}

/** Starts an app instance without waiting for it: for what it prints when it cannot start. */
export function spawnApp(name: string, env: Record<string, string>): Child {
  return spawnTsx(name, "src/main.ts", [], { NODE_ENV: "test", PORT: "0", LOG_LEVEL: "info", ...env });
}
