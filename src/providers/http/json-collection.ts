import type { z } from "zod";
import type { HttpRequest } from "./core";
import { seg, type JsonApi } from "./json-api";

type Query = HttpRequest["query"];

/**
 * One collection of the common vendor contract (`/v1/users`, `/v1/learners`, ...): its records
 * found by a unique key, listed, read, created and patched, each checked against one schema.
 */
export class JsonCollection<S extends z.ZodType> {
  constructor(
    private readonly api: JsonApi,
    readonly path: string,
    private readonly schema: S,
  ) {}

  /** A record's own path, for the vendor's actions on it. */
  at(id: string): string {
    return `${this.path}/${seg(id)}`;
  }

  first(query: Query): Promise<z.infer<S> | null> {
    return this.api.first(this.path, this.schema, query);
  }

  list(query: Query = {}): AsyncIterable<z.infer<S>> {
    return this.api.list(this.path, this.schema, query);
  }

  get(id: string): Promise<z.infer<S>> {
    return this.api.call({ method: "GET", path: this.at(id) }, this.schema);
  }

  create(json: unknown): Promise<z.infer<S>> {
    return this.api.call({ method: "POST", path: this.path, json }, this.schema);
  }

  patch(id: string, json: unknown): Promise<z.infer<S>> {
    return this.api.call({ method: "PATCH", path: this.at(id), json }, this.schema);
  }
}
