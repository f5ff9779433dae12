import { HttpFailure } from "../router";
import type { ScimStoredUser } from "../state";

/**
 * A SCIM filter (RFC 7644 §3.4.2.2) evaluated against stored users: comparisons (eq ne co sw
 * ew gt ge lt le), `pr`, `and`, `or`, `not (...)` and parentheses. Value filters inside
 * brackets are not supported; the sandbox answers 400 invalidFilter, as a provider may.
 */
export type Predicate = (user: ScimStoredUser) => boolean;

const TOKEN = /\s*("(?:[^"\\]|\\.)*"|\(|\)|[^\s()]+)/y;

export function parseFilter(text: string): Predicate {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) tokens.push(m[1] ?? "");
  if (text.slice(TOKEN.lastIndex).trim() !== "" && tokens.length === 0) throw invalid(text);
  let at = 0;
  const peek = () => tokens[at]?.toLowerCase();
  const next = () => tokens[at++] ?? "";

  const expression = (): Predicate => {
    let left = conjunction();
    while (peek() === "or") {
      next();
      const l = left;
      const r = conjunction();
      left = (u) => l(u) || r(u);
    }
    return left;
  };
  const conjunction = (): Predicate => {
    let left = term();
    while (peek() === "and") {
      next();
      const l = left;
      const r = term();
      left = (u) => l(u) && r(u);
    }
    return left;
  };
  const term = (): Predicate => {
    if (peek() === "not") {
      next();
      const inner = group();
      return (u) => !inner(u);
    }
    if (peek() === "(") return group();
    const path = next();
    const op = next().toLowerCase();
    if (path === "" || path.includes("[")) throw invalid(text);
    if (op === "pr") return (u) => values(u, path).some((v) => v !== undefined && v !== null && v !== "");
    const literal = parseLiteral(next(), text);
    const compare = comparator(op, text);
    const exact = path === "id" || path === "externalId";
    return (u) => values(u, path).some((v) => compare(norm(v, exact), norm(literal, exact)));
  };
  const group = (): Predicate => {
    if (next() !== "(") throw invalid(text);
    const inner = expression();
    if (next() !== ")") throw invalid(text);
    return inner;
  };

  const predicate = expression();
  if (at !== tokens.length) throw invalid(text);
  return predicate;
}

function parseLiteral(token: string, text: string): unknown {
  try {
    return JSON.parse(token) as unknown;
  } catch {
    throw invalid(text);
  }
}

function comparator(op: string, text: string): (a: unknown, b: unknown) => boolean {
  const str = (f: (a: string, b: string) => boolean) => (a: unknown, b: unknown) => typeof a === "string" && typeof b === "string" && f(a, b);
  switch (op) {
    case "eq":
      return (a, b) => a === b;
    case "ne":
      return (a, b) => a !== b;
    case "co":
      return str((a, b) => a.includes(b));
    case "sw":
      return str((a, b) => a.startsWith(b));
    case "ew":
      return str((a, b) => a.endsWith(b));
    case "gt":
      return str((a, b) => a > b);
    case "ge":
      return str((a, b) => a >= b);
    case "lt":
      return str((a, b) => a < b);
    case "le":
      return str((a, b) => a <= b);
    default:
      throw invalid(text);
  }
}

const norm = (v: unknown, exact: boolean): unknown => (typeof v === "string" && !exact ? v.toLowerCase() : v);

/** Every value at an attribute path, looking through multi-valued attributes. */
export function values(user: ScimStoredUser, path: string): unknown[] {
  const { root, rest } = splitPath(path);
  let current: unknown[] = [(user as Record<string, unknown>)[root]];
  for (const part of rest) {
    current = current.flatMap((v) => (Array.isArray(v) ? v : [v])).map((v) => (isObject(v) ? v[part] : undefined));
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

/** `urn:...:User:division` → root `urn:...:User`, rest [`division`]; `name.givenName` → `name`, [`givenName`]. */
export function splitPath(path: string): { root: string; rest: string[] } {
  if (path.startsWith("urn:")) {
    const cut = path.lastIndexOf(":");
    return { root: path.slice(0, cut), rest: path.slice(cut + 1).split(".") };
  }
  const [root = "", ...rest] = path.split(".");
  return { root, rest };
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const invalid = (text: string) => new HttpFailure(400, "invalidFilter", `The filter is not supported: ${text}`);
