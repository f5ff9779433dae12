import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_BIRTH_DATE_STATES, loadConfig, readEnv } from "../../src/config";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("has working defaults for the embedded mode", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toBe("./.carebridge");
    expect(config.slack.apiUrl).toBe("https://slack.com/api/");
    expect(config.slack.port).toBe(3000);
    expect(config.birthDateRequiredStates).toEqual(DEFAULT_BIRTH_DATE_STATES.split(","));
    expect(config.vendors.teletrack).toEqual({
      baseUrl: undefined,
      apiKey: undefined,
      requestsPerSecond: 10,
      timeoutMs: 15_000,
    });
    expect(config.archive).toEqual({ maxCount: 100, maxShare: 0.2 });
  });

  it("parses lists, numbers and URLs", () => {
    const config = loadConfig({
      CAREBRIDGE_ADMINS: " U1, U2 ,",
      BIRTH_DATE_REQUIRED_STATES: "CA,NY",
      CAREACADEMY_BASE_URL: "https://api.careacademy.example",
      CAREACADEMY_API_KEY: "k",
      CAREACADEMY_RPS: "20",
      SLACK_API_URL: "http://127.0.0.1:9999/api",
      DATABASE_URL: "postgres://u@h:5432/db",
    });
    expect(config.admins).toEqual(["U1", "U2"]);
    expect(config.birthDateRequiredStates).toEqual(["CA", "NY"]);
    expect(config.vendors.careacademy).toMatchObject({
      baseUrl: "https://api.careacademy.example",
      apiKey: "k",
      requestsPerSecond: 20,
    });
    expect(config.slack.apiUrl).toBe("http://127.0.0.1:9999/api/");
    expect(config.databaseUrl).toBe("postgres://u@h:5432/db");
  });

  it("names each bad variable and what it expects, one line each", () => {
    const problems = problemsOf({
      PORT: "eighty",
      DATABASE_URL: "mysql://x",
      SLACK_BOT_TOKEN: "xoxp-user",
      BIRTH_DATE_REQUIRED_STATES: "California",
      TELETRACK_RPS: "0",
    });
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith("PORT "))).toContain("a port number");
    expect(problems.find((p) => p.startsWith("DATABASE_URL "))).toContain("a PostgreSQL URL");
    expect(problems.find((p) => p.startsWith("SLACK_BOT_TOKEN "))).toContain("xoxb-");
    expect(problems.find((p) => p.startsWith("BIRTH_DATE_REQUIRED_STATES "))).toContain("two-letter state codes");
    expect(problems.find((p) => p.startsWith("TELETRACK_RPS "))).toContain("above 0");
    for (const p of problems) expect(p).not.toContain("\n");
  });

  it("never echoes a token, secret or key it refuses, and reads an enum's choices plainly", () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: "xoxp-1234-secret", LOG_LEVEL: "loud" });
    const token = problems.find((p) => p.startsWith("SLACK_BOT_TOKEN "));
    expect(token).toContain("a value that is not shown");
    expect(token).not.toContain("1234-secret");
    const level = problems.find((p) => p.startsWith("LOG_LEVEL "));
    expect(level).toMatch(/^LOG_LEVEL is not valid: expected one of .*"debug".*, got "loud"$/);
    expect(level).not.toContain("Invalid option");
  });

  it("takes an empty value, as `PORT=` in .env, for unset", () => {
    const config = loadConfig({ PORT: "", DATA_DIR: "  ", LOG_LEVEL: "" });
    expect(config.slack.port).toBe(3000);
    expect(config.dataDir).toBe("./.carebridge");
    expect(config.logLevel).toBe("info");
  });

  it("requires the API key of a vendor whose base URL is set", () => {
    expect(problemsOf({ CACWT_BASE_URL: "https://cacwt.example" })).toEqual([
      "CACWT_API_KEY is required when CACWT_BASE_URL is set.",
    ]);
  });

  it("reads .env beneath the real environment", () => {
    const dir = mkdtempSync(join(tmpdir(), "carebridge-env-"));
    writeFileSync(join(dir, ".env"), "PORT=4000\nLOG_LEVEL=debug\n");
    const env = readEnv(dir, { PORT: "5000" });
    expect(env.PORT).toBe("5000");
    expect(env.LOG_LEVEL).toBe("debug");
    rmSync(dir, { recursive: true });
  });
});
