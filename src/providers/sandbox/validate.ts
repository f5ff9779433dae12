import { fail } from "./router";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Collects what is wrong with each field of a request body, the way the vendors report it. */
export class Checks {
  readonly fields: Record<string, string> = {};

  constructor(private readonly body: Record<string, unknown>) {}

  required(...names: string[]): this {
    for (const name of names) {
      const v = this.body[name];
      if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) this.fields[name] ??= "is required";
    }
    return this;
  }

  string(...names: string[]): this {
    return this.each(names, (v) => typeof v === "string", "must be text");
  }

  boolean(...names: string[]): this {
    return this.each(names, (v) => typeof v === "boolean", "must be true or false");
  }

  email(...names: string[]): this {
    return this.each(names, (v) => typeof v === "string" && EMAIL.test(v), "is not a valid email address");
  }

  date(...names: string[]): this {
    return this.each(names, (v) => typeof v === "string" && isDate(v), "must be a date as YYYY-MM-DD");
  }

  phone(...names: string[]): this {
    return this.each(names, (v) => typeof v === "string" && /^\+?[\d\s().-]+$/.test(v) && v.replace(/\D/g, "").length >= 10, "is not a valid phone number");
  }

  oneOf(name: string, values: readonly string[]): this {
    return this.each([name], (v) => typeof v === "string" && values.includes(v), `must be one of ${values.join(", ")}`);
  }

  /** Throws the 422 when anything was wrong. */
  done(): void {
    if (Object.keys(this.fields).length > 0) throw fail.invalid(this.fields);
  }

  private each(names: string[], test: (v: unknown) => boolean, message: string): this {
    for (const name of names) {
      const v = this.body[name];
      if (v !== undefined && v !== null && !test(v)) this.fields[name] ??= message;
    }
    return this;
  }
}

export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(text);
}

export const isEmail = (text: string): boolean => EMAIL.test(text);

/** The body as an object, or a 400 when it is not one. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw fail.badRequest("invalid_body", "The body must be a JSON object.");
  }
  return body as Record<string, unknown>;
}

/** Lower-case, accents removed: how the vendors compare names and emails. */
export const fold = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
