import { ConflictError } from "../http/errors";
import { seg, type JsonApi } from "../http/json-api";
import type { HttpClient } from "../http/core";
import { listResponseSchema, PATCH_OP_SCHEMA, scimUserSchema, USER_SCHEMA, type ScimUser } from "./schema";

export interface PatchOperation {
  op: "add" | "replace" | "remove";
  path?: string;
  value?: unknown;
}

const MAX_ETAGS = 1_000;

/**
 * The SCIM /Users endpoint (RFC 7644 §3): filtered search with startIndex/count paging,
 * create, and PATCH guarded by If-Match whenever the service provider has given an ETag for
 * the user. A 412 (someone changed the user meanwhile) re-reads the user and applies the
 * patch once more; the operations carebridge sends replace values, so re-applying is safe.
 */
export class ScimUsers {
  private readonly etags = new Map<string, string>();

  constructor(
    private readonly http: HttpClient,
    private readonly api: JsonApi,
    private readonly pageSize: number,
  ) {}

  async *search(filter: string | undefined): AsyncGenerator<ScimUser, void, undefined> {
    for (let startIndex = 1; ;) {
      const response = await this.http.request({
        method: "GET",
        path: "/Users",
        query: { filter, startIndex, count: this.pageSize },
      });
      const page = this.api.check(listResponseSchema, response.body, "/Users");
      const users = page.Resources ?? [];
      for (const user of users) this.remember(user.id, user.meta?.version);
      yield* users;
      startIndex += users.length;
      if (users.length === 0 || startIndex > page.totalResults) return;
    }
  }

  async findOne(filter: string): Promise<ScimUser | null> {
    for await (const user of this.search(filter)) return user;
    return null;
  }

  async get(id: string): Promise<ScimUser> {
    const response = await this.http.request({ method: "GET", path: `/Users/${seg(id)}` });
    return this.read(response.body, response.headers.etag, id);
  }

  async create(resource: Record<string, unknown>): Promise<ScimUser> {
    const response = await this.http.request({
      method: "POST",
      path: "/Users",
      // Extensions in use are named in `schemas` (RFC 7643 §3).
      json: { schemas: [USER_SCHEMA, ...Object.keys(resource).filter((k) => k.startsWith("urn:"))], ...resource },
    });
    return this.read(response.body, response.headers.etag, "");
  }

  async patch(id: string, operations: PatchOperation[]): Promise<ScimUser> {
    try {
      return await this.sendPatch(id, operations);
    } catch (error) {
      if (!(error instanceof ConflictError && error.status === 412)) throw error;
      await this.get(id);
      return this.sendPatch(id, operations);
    }
  }

  private async sendPatch(id: string, operations: PatchOperation[]): Promise<ScimUser> {
    const etag = this.etags.get(id);
    const response = await this.http.request({
      method: "PATCH",
      path: `/Users/${seg(id)}`,
      json: { schemas: [PATCH_OP_SCHEMA], Operations: operations },
      headers: etag === undefined ? {} : { "if-match": etag },
    });
    // RFC 7644 §3.5.2: the provider may answer 204 without the resource.
    if (response.status === 204 || response.body === undefined) return this.get(id);
    return this.read(response.body, response.headers.etag, id);
  }

  private read(body: unknown, etag: string | undefined, id: string): ScimUser {
    const user = this.api.check(scimUserSchema, body, `/Users/${id}`);
    this.remember(user.id, etag ?? user.meta?.version);
    return user;
  }

  private remember(id: string, etag: string | undefined): void {
    if (etag === undefined) return;
    this.etags.delete(id);
    this.etags.set(id, etag);
    if (this.etags.size > MAX_ETAGS) {
      const oldest = this.etags.keys().next().value;
      if (oldest !== undefined) this.etags.delete(oldest);
    }
  }
}
