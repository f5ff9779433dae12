import { spawn, spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * scripts/start.js (`npm start`) and scripts/demo.js (`npm run demo`) in a package of their own
 * whose programs only say which build of them ran, with this package's node_modules (esbuild, tsx).
 */
describe("npm start's and npm run demo's launcher", () => {
  const root = mkdtempSync(join(tmpdir(), "carebridge-launcher-"));
  mkdirSync(join(root, "scripts"));
  mkdirSync(join(root, "src", "console"), { recursive: true });
  for (const script of ["start.js", "demo.js", "launch.js", "bundle.js"])
    copyFileSync(join("scripts", script), join(root, "scripts", script));
  symlinkSync(join(process.cwd(), "node_modules"), join(root, "node_modules"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  // Both programs share src/say.ts, so a bundle has a chunk beside its entries. A bundle's module URLs end in .js.
  const say = (greeting: string) =>
    `export function say(name: string): void {\n  console.log("${greeting}", name, import.meta.url.endsWith(".ts") ? "source" : "compiled");\n}\n`;
  writeFileSync(join(root, "src", "say.ts"), say("hello"));
  writeFileSync(join(root, "src", "main.ts"), `import { say } from "./say";\nsay("app");\n`);
  writeFileSync(join(root, "src", "console", "main.ts"), `import { say } from "../say";\nsay("console");\n`);
  const files = () => readdirSync(join(root, "dist"), { recursive: true }).map(String).sort();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const run = (script: string) => {
    const result = spawnSync(process.execPath, [join(root, "scripts", script)], { encoding: "utf8", timeout: 60_000 });
    return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
  };
  const dist = (entry: string) => join(root, "dist", `${entry}.js`);

  it("bundles src/ into dist/ when there is no build, and runs the bundle", () => {
    expect(run("start.js")).toEqual({
      code: 0,
      stdout: "hello app compiled",
      stderr: "Bundling src/ into dist/ (there is no build yet).",
    });
    expect(existsSync(dist("console/main"))).toBe(true);
  });

  it("runs the build as it is when it is newer than every source, for either program", () => {
    const before = statSync(dist("main")).mtimeMs;
    expect(run("demo.js")).toEqual({ code: 0, stdout: "hello console compiled", stderr: "" });
    expect(run("start.js")).toEqual({ code: 0, stdout: "hello app compiled", stderr: "" });
    expect(statSync(dist("main")).mtimeMs).toBe(before);
  });

  it("bundles again when a source changed after the build, and leaves no file of the old build", () => {
    const old = files();
    expect(old.filter((f) => f.startsWith("chunk-"))).toHaveLength(2); // the shared chunk and its source map
    const built = new Date("2026-01-01T00:00:00Z");
    for (const entry of ["main", "console/main"]) utimesSync(dist(entry), built, built);
    writeFileSync(join(root, "src", "say.ts"), say("bye"));
    expect(run("demo.js")).toEqual({
      code: 0,
      stdout: "bye console compiled",
      stderr: "Bundling src/ into dist/ (src/ changed since the last build).",
    });
    expect(run("start.js")).toEqual({ code: 0, stdout: "bye app compiled", stderr: "" });
    const now = files();
    expect(now.filter((f) => f.startsWith("chunk-"))).toHaveLength(2);
    expect(now.filter((f) => f.startsWith("chunk-") && old.includes(f))).toEqual([]);
  });

  it("starts every program when several launches bundle a stale dist/ at once", async () => {
    const built = new Date("2026-01-01T00:00:00Z");
    for (const entry of ["main", "console/main"]) utimesSync(dist(entry), built, built);
    const launch = (script: string) =>
      new Promise<string>((done) => {
        const child = spawn(process.execPath, [join(root, "scripts", script)], { stdio: ["ignore", "pipe", "ignore"] });
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.on("exit", (code) => done(`${code} ${stdout.trim()}`));
      });
    expect(await Promise.all(["start.js", "demo.js", "start.js", "demo.js"].map(launch))).toEqual([
      "0 bye app compiled",
      "0 bye console compiled",
      "0 bye app compiled",
      "0 bye console compiled",
    ]);
    expect(run("demo.js")).toEqual({ code: 0, stdout: "bye console compiled", stderr: "" });
  });

  it("leaves the files another build is still writing (an entry's, dated when that build began)", () => {
    // CI once saw a launch fall back to tsx: a concurrent build had removed its entry's .partial.
    const partial = `${dist("main")}.4242.partial`;
    writeFileSync(partial, "being written");
    const began = new Date(Date.now() - 1_000);
    utimesSync(partial, began, began);
    for (const entry of ["main", "console/main"]) utimesSync(dist(entry), began, began);
    writeFileSync(join(root, "src", "say.ts"), say("bye"));
    expect(run("start.js").stdout).toBe("bye app compiled");
    expect(existsSync(partial)).toBe(true);
    rmSync(partial);
  });

  it("runs the sources through tsx, and says why, when dist/ cannot be written", () => {
    rmSync(join(root, "dist"), { recursive: true });
    writeFileSync(join(root, "dist"), "a file where the build goes");
    const { code, stdout, stderr } = run("start.js");
    expect({ code, stdout }).toEqual({ code: 0, stdout: "bye app source" });
    expect(stderr.split("\n")).toEqual([
      "Bundling src/ into dist/ (there is no build yet).",
      expect.stringMatching(/^Bundling failed \(.+\): running the sources with tsx\.$/),
    ]);
  });
});
