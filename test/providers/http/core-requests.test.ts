import nock from "nock";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/logger";
import { HttpClient, type HttpClientOptions } from "../../../src/providers/http/core";
import {
  ConflictError,
  NotFoundError,
  ProviderError,
  UnauthorizedError,
  ValidationError,
} from "../../../src/providers/http/errors";
import { captureLogger } from "../helpers";

const BASE = "https://careacademy.test";

function client(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return new HttpClient({
    vendor: "careacademy",
    baseUrl: BASE,
    apiKey: "secret-key-9",
    requestsPerSecond: 1_000,
    timeoutMs: 2_000,
    logger: silentLogger,
    ...overrides,
  });
}

describe("requests", () => {
  it("sends the bearer key, JSON media types and the body", async () => {
    const scope = nock(BASE, {
      reqheaders: { authorization: "Bearer secret-key-9", accept: "application/json", "content-type": "application/json" },
    })
      .post("/v1/users", { email: "a@b.example", state: "CA" })
      .reply(201, { id: "u-1" });
    const response = await client().request({ method: "POST", path: "/v1/users", json: { email: "a@b.example", state: "CA" } });
    expect(response).toMatchObject({ status: 201, body: { id: "u-1" } });
    expect(scope.isDone()).toBe(true);
  });

  it("keeps the base URL's path and encodes query values, leaving out undefined ones", async () => {
    nock("https://gateway.test")
      .get("/careacademy/v1/users")
      .query({ email: "o'neil+1@b.example", limit: "5" })
      .reply(200, { data: [] });
    const c = client({ baseUrl: "https://gateway.test/careacademy" });
    const response = await c.request({
      method: "GET",
      path: "/v1/users",
      query: { email: "o'neil+1@b.example", cursor: undefined, limit: 5 },
    });
    expect(response.body).toEqual({ data: [] });
  });

  it("sends text bodies with their own content type", async () => {
    nock(BASE, { reqheaders: { "content-type": "text/csv" } })
      .post("/v1/learner-imports", "UserID,LastName\n")
      .reply(202, { importId: "i-1" });
    const response = await client().request({
      method: "POST",
      path: "/v1/learner-imports",
      text: { body: "UserID,LastName\n", contentType: "text/csv" },
    });
    expect(response.body).toEqual({ importId: "i-1" });
  });

  it("treats an empty answer (204) as no body", async () => {
    nock(BASE).put("/v1/x").reply(204);
    await expect(client().request({ method: "PUT", path: "/v1/x", json: {} })).resolves.toMatchObject({ status: 204, body: undefined });
  });

  it("reports malformed JSON in a success as a vendor fault", async () => {
    nock(BASE).get("/v1/users/u-1").reply(200, "{not json", { "content-type": "application/json" });
    await expect(client().request({ method: "GET", path: "/v1/users/u-1" })).rejects.toMatchObject({
      name: "ProviderError",
      code: "unexpected_response",
    });
  });
});

describe("vendor errors become typed errors", () => {
  const errorBody = (code: string, extra: object = {}) => ({ error: { code, message: "see a@b.example", ...extra } });

  it("409 → ConflictError naming the existing record", async () => {
    nock(BASE).post("/v1/users").reply(409, errorBody("email_taken", { existingId: "u-7" }));
    const error = await client().request({ method: "POST", path: "/v1/users", json: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ vendor: "careacademy", status: 409, code: "email_taken", existingId: "u-7" });
    expect((error as ProviderError).detail).toBe("see [email]");
  });

  it("422 → ValidationError with the vendor's fields", async () => {
    nock(BASE).post("/v1/users").reply(422, errorBody("birth_date_required", { fields: { birthDate: "is required in CA" } }));
    const error = await client().request({ method: "POST", path: "/v1/users", json: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: "birth_date_required", fields: { birthDate: "is required in CA" } });
    expect((error as Error).message).toBe("CareAcademy refused the data (check birthDate).");
  });

  it("400 → ValidationError even without fields", async () => {
    nock(BASE).get("/v1/users").query(true).reply(400, errorBody("invalid_limit"));
    const error = await client().request({ method: "GET", path: "/v1/users", query: { limit: 0 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, fields: {} });
  });

  it("404 → NotFoundError", async () => {
    nock(BASE).get("/v1/users/nope").reply(404, errorBody("not_found"));
    await expect(client().request({ method: "GET", path: "/v1/users/nope" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it.each([401, 403])("%i → UnauthorizedError that asks an administrator to check the key", async (status) => {
    nock(BASE).get("/v1/users/u-1").reply(status, errorBody("unauthorized"));
    const error = await client().request({ method: "GET", path: "/v1/users/u-1" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as Error).message).toMatch(/^CareAcademy refused carebridge's API key/);
  });

  it("another 4xx → ProviderError with the status, and no retry", async () => {
    nock(BASE).get("/v1/users/u-1").reply(410, "gone", { "content-type": "text/plain" });
    const again = nock(BASE).get("/v1/users/u-1").reply(200, {});
    const error = await client().request({ method: "GET", path: "/v1/users/u-1" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ProviderError", status: 410 });
    expect(again.isDone()).toBe(false);
  });
});

describe("logs", () => {
  it("redact emails in URLs and never carry the API key", async () => {
    const { logger, lines } = captureLogger();
    nock(BASE).get("/v1/users").query({ email: "jane.doe@example.com" }).reply(500);
    nock(BASE).get("/v1/users").query({ email: "jane.doe@example.com" }).reply(200, { data: [] });
    await client({ logger, backoff: { baseMs: 1, capMs: 1 } }).request({
      method: "GET",
      path: "/v1/users",
      query: { email: "jane.doe@example.com" },
    });
    const text = lines.join("");
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(text).toContain("/v1/users?email=[email]");
    expect(text).not.toContain("jane.doe");
    expect(text).not.toContain("secret-key-9");
  });
});
