import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The arrows of the layering, checked over the import lines of src (an equivalent of
 * dependency-cruiser without the dependency): slack/console → app → domain, providers, db, jobs.
 * Value imports must follow the arrows; `import type` may also cross sideways (a transport may
 * name a job's type), but nothing below slack/console names them at all. A new import cycle fails.
 */

const SRC = resolve(__dirname, "../src");

type Layer = "slack" | "console" | "app" | "domain" | "providers" | "db" | "jobs" | "generated" | "root";

/** Process wiring at the top of src: they assemble every layer, so only they may import any of them. */
const COMPOSITION_ROOTS = new Set(["main.ts", "bootstrap.ts"]);
/** Infrastructure every layer may use (logger, config, metrics, health). */
const SHARED: readonly Layer[] = ["root"];

/** Where each layer's value imports may point, besides itself and SHARED. */
const VALUE_ARROWS: Record<Layer, readonly Layer[]> = {
  console: ["slack", "app"],
  slack: ["app"],
  app: ["domain", "providers", "db", "jobs", "generated"],
  // The vendor stand-ins and clients may use pure domain rules (the CACWT template's columns).
  providers: ["domain"],
  jobs: ["db", "generated"],
  db: ["generated"],
  domain: [],
  generated: [],
  root: [],
};

/** Where each layer's type-only imports may point, besides itself and SHARED. */
const TYPE_ARROWS: Record<Layer, readonly Layer[]> = {
  console: ["slack", "app", "domain", "providers", "db", "jobs", "generated"],
  slack: ["app", "domain", "providers", "db", "jobs", "generated"],
  app: ["domain", "providers", "db", "jobs", "generated"],
  providers: ["domain"],
  jobs: ["db", "generated"],
  db: ["generated"],
  domain: [],
  generated: [],
  root: ["app", "domain", "providers", "db", "jobs", "generated"],
};

/**
 * Value imports that break the arrows today, each to be removed by the change that moves the
 * code to its layer (issue #13). The list may only shrink: a new entry is a new back door.
 */
const KNOWN_VIOLATIONS = new Set<string>([]);

/** Import cycles that exist today, each written as its sorted files joined by " ⇄ ". May only shrink. */
const KNOWN_CYCLES = new Set<string>([]);

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "generated" && dir === SRC ? [] : sourceFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

function resolveImport(fromFile: string, specifier: string): string | undefined {
  const base = resolve(dirname(fromFile), specifier.replace(/\.js$/, ""));
  return [`${base}.ts`, join(base, "index.ts"), base].find((p) => existsSync(p) && statSync(p).isFile());
}

const STATEMENT = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s*"([^"]+)"/gms;
const DYNAMIC = /\bimport\(\s*"([^"]+)"\s*\)/g;

/** `import type { A }` and `import { type A, type B }` are type-only; `import X, { type A }` is not. */
function isTypeOnly(typeKeyword: string | undefined, clause: string): boolean {
  if (typeKeyword !== undefined) return true;
  const braces = /^\{([^}]*)\}$/.exec(clause.trim());
  if (braces === null) return false;
  const names = (braces[1] ?? "")
    .split(",")
    .map((n) => n.trim())
    .filter((n) => n !== "");
  return names.length > 0 && names.every((n) => n.startsWith("type "));
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const found: Import[] = [];
  for (const m of text.matchAll(STATEMENT)) {
    const to = m[4]?.startsWith(".") ? resolveImport(file, m[4]) : undefined;
    if (to !== undefined) found.push({ from: file, to, typeOnly: isTypeOnly(m[2], m[3] ?? "") });
  }
  for (const m of text.matchAll(DYNAMIC)) {
    const to = m[1]?.startsWith(".") ? resolveImport(file, m[1]) : undefined;
    if (to !== undefined) found.push({ from: file, to, typeOnly: false });
  }
  return found;
}

function layerOf(file: string): Layer {
  const parts = relative(SRC, file).split(/[\\/]/);
  return parts.length === 1 ? "root" : (parts[0] as Layer);
}

const name = (file: string) => relative(SRC, file).replace(/\\/g, "/");

function breaksArrows(imp: Import): boolean {
  if (COMPOSITION_ROOTS.has(name(imp.from))) return false;
  const from = layerOf(imp.from);
  const to = layerOf(imp.to);
  if (from === to || SHARED.includes(to)) return false;
  return !(imp.typeOnly ? TYPE_ARROWS : VALUE_ARROWS)[from].includes(to);
}

/** Strongly connected groups of two or more files over value imports (Tarjan). */
function cycles(imports: readonly Import[]): string[] {
  const next = new Map<string, string[]>();
  for (const imp of imports) if (!imp.typeOnly) next.set(imp.from, [...(next.get(imp.from) ?? []), imp.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = w === v ? undefined : stack.pop()) {
      onStack.delete(w);
      group.push(name(w));
    }
    if (group.length > 1) groups.push(group.sort().join(" ⇄ "));
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return groups.sort();
}

const IMPORTS = sourceFiles(SRC).flatMap(importsOf);

describe("the layering", () => {
  it("reads the import lines it checks", () => {
    // A parser that found nothing would pass every rule below.
    expect(IMPORTS.length).toBeGreaterThan(500);
    expect(IMPORTS.some((i) => i.typeOnly)).toBe(true);
  });

  it("follows slack/console → app → domain, providers, db, jobs", () => {
    const broken = IMPORTS.filter(breaksArrows).map(
      (i) => `${name(i.from)} → ${name(i.to)}${i.typeOnly ? " (type)" : ""}`,
    );
    expect(broken.filter((b) => !KNOWN_VIOLATIONS.has(b))).toEqual([]);
    expect([...KNOWN_VIOLATIONS].filter((k) => !broken.includes(k))).toEqual([]);
  });

  it("has no new import cycle", () => {
    const found = cycles(IMPORTS);
    expect(found.filter((c) => !KNOWN_CYCLES.has(c))).toEqual([]);
    expect([...KNOWN_CYCLES].filter((k) => !found.includes(k))).toEqual([]);
  });

  it("detects a cycle and an arrow pointing up", () => {
    const a = join(SRC, "app/a.ts");
    const b = join(SRC, "app/b.ts");
    expect(
      cycles([
        { from: a, to: b, typeOnly: false },
        { from: b, to: a, typeOnly: false },
      ]),
    ).toEqual(["app/a.ts ⇄ app/b.ts"]);
    expect(
      cycles([
        { from: a, to: b, typeOnly: false },
        { from: b, to: a, typeOnly: true },
      ]),
    ).toEqual([]);
    expect(breaksArrows({ from: a, to: join(SRC, "slack/app.ts"), typeOnly: true })).toBe(true);
    expect(breaksArrows({ from: join(SRC, "slack/x.ts"), to: join(SRC, "db/client.ts"), typeOnly: false })).toBe(true);
    expect(breaksArrows({ from: join(SRC, "slack/x.ts"), to: join(SRC, "jobs/types.ts"), typeOnly: true })).toBe(false);
  });
});
