import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * scripts/start.js (`npm start`) in a package of its own whose src/main.ts and dist/main.js only
 * say which of them ran, with this package's node_modules for tsx.
 */
describe("npm start's launcher", () => {
  const root = mkdtempSync(join(tmpdir(), "carebridge-launcher-"));
  mkdirSync(join(root, "scripts"));
  mkdirSync(join(root, "src"));
  copyFileSync("scripts/start.js", join(root, "scripts", "start.js"));
  symlinkSync(join(process.cwd(), "node_modules"), join(root, "node_modules"));
  writeFileSync(join(root, "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(join(root, "src", "main.ts"), `const from: string = "source";\nconsole.log(from);\n`);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const start = () => {
    const run = spawnSync(process.execPath, [join(root, "scripts", "start.js")], { encoding: "utf8", timeout: 60_000 });
    return { code: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() };
  };
  const build = (at: Date) => {
    mkdirSync(join(root, "dist"), { recursive: true });
    writeFileSync(join(root, "dist", "main.js"), `console.log("compiled");\n`);
    utimesSync(join(root, "dist", "main.js"), at, at);
  };
  const edit = (at: Date) => utimesSync(join(root, "src", "main.ts"), at, at);

  it("runs the sources through tsx when there is no build", () => {
    expect(start()).toEqual({ code: 0, stdout: "source", stderr: "" });
  });

  it("runs the build when it is newer than every source", () => {
    edit(new Date("2026-01-01T00:00:00Z"));
    build(new Date("2026-01-02T00:00:00Z"));
    expect(start()).toEqual({ code: 0, stdout: "compiled", stderr: "" });
  });

  it("runs the sources, and says why, when a source changed after the build", () => {
    edit(new Date("2026-01-03T00:00:00Z"));
    const { code, stdout, stderr } = start();
    expect({ code, stdout }).toEqual({ code: 0, stdout: "source" });
    expect(stderr).toBe("dist/ is older than src/: running the sources with tsx (npm run build to refresh it).");
  });
});
