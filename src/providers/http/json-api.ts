import type { z } from "zod";
import { redactText, type Logger } from "../../logger";
import { pageSchema } from "../records";
import { VENDOR_LABELS } from "../labels";
import type { HttpClient, HttpRequest } from "./core";
import { ProviderError } from "./errors";
import { paginate } from "./paginate";

type Query = HttpRequest["query"];

/** Path segments come from records and users; encode them so an id can never change the path. */
export const seg = (value: string): string => encodeURIComponent(value);

/**
 * Calls shaped by the common vendor contract: JSON in, JSON out checked against the record's
 * schema, and cursor pages (`?cursor&limit` → `{ data, nextCursor }`) as async iterables.
 */
export class JsonApi {
  constructor(
    private readonly http: HttpClient,
    private readonly logger: Logger,
    private readonly pageSize: number,
  ) {}

  async call<S extends z.ZodType>(request: HttpRequest, schema: S): Promise<z.infer<S>> {
    const response = await this.http.request(request);
    return this.check(schema, response.body, request.path);
  }

  async callNoContent(request: HttpRequest): Promise<void> {
    await this.http.request(request);
  }

  /** Every item of a cursor-paginated list, fetched page by page as the consumer iterates. */
  list<S extends z.ZodType>(path: string, item: S, query: Query = {}): AsyncIterable<z.infer<S>> {
    const schema = pageSchema(item);
    return paginate(this.http.vendor, (cursor) =>
      this.call({ method: "GET", path, query: { ...query, cursor, limit: this.pageSize } }, schema),
    );
  }

  /** The first item of a filtered list, for look-ups by a unique key such as an email. */
  async first<S extends z.ZodType>(path: string, item: S, query: Query): Promise<z.infer<S> | null> {
    const page = await this.call({ method: "GET", path, query }, pageSchema(item));
    return page.data[0] ?? null;
  }

  check<S extends z.ZodType>(schema: S, body: unknown, path: string): z.infer<S> {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    const vendor = this.http.vendor;
    // Issue paths and codes only: the values may be personal data.
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.code}`);
    this.logger.warn({ vendor, path: redactText(path), issues }, "vendor answer does not match its contract");
    throw new ProviderError(`${VENDOR_LABELS[vendor]} answered in a way carebridge does not understand.`, {
      vendor,
      code: "unexpected_response",
      detail: issues.join("; "),
    });
  }
}
