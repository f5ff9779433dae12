import { describe, expect, it } from "vitest";
import { createLogger, redactText } from "../../src/logger";
import { boltLine } from "../../src/slack/app";

describe("log redaction", () => {
  it("hides tokens, emails, phones and birth dates in free text such as URLs", () => {
    const line = redactText(
      "GET /v1/users?e=jane.doe@example.org Bearer abc.def xoxb-123-456 phone +1 (555) 010-0199 born 1980-02-03",
    );
    expect(line).not.toMatch(/jane\.doe@example\.org|abc\.def|xoxb-123|555|1980-02-03/);
    expect(line).toContain("[email]");
    expect(line).toContain("[phone]");
    expect(line).toContain("[date]");
  });

  it("hides personal and secret keys in logged objects, nested too", () => {
    const lines: string[] = [];
    const logger = createLogger({
      level: "info",
      pretty: false,
      destination: { write: (line: string) => void lines.push(line) },
    });
    logger.info(
      {
        user: { email: "a@b.org", mobilePhone: "+15550100", birthDate: "1990-01-01", name: "Ann" },
        apiKey: "k-secret",
        temporaryPassword: "Pw!1",
        headers: { authorization: "Bearer t" },
      },
      "synced",
    );
    const logged = JSON.parse(lines[0]!) as Record<string, Record<string, string>>;
    expect(logged.user).toEqual({
      email: "[redacted]",
      mobilePhone: "[redacted]",
      birthDate: "[redacted]",
      name: "Ann",
    });
    expect(logged.apiKey).toBe("[redacted]");
    expect(logged.temporaryPassword).toBe("[redacted]");
    expect(logged.headers!.authorization).toBe("[redacted]");
    expect(lines[0]).not.toMatch(/a@b\.org|1990-01-01|k-secret|Pw!1/);
  });

  it("hides secret values inside JSON text, as a client library's debug line carries them", () => {
    const line = redactText('{"temporaryPassword":"Pw\\"9!x","firstName":"Ann","token":"t-1"}');
    expect(line).toBe('{"temporaryPassword":"[redacted]","firstName":"Ann","token":"[redacted]"}');
  });

  it("redacts Bolt's lines, objects included, before they reach our logger", () => {
    const line = boltLine([
      "http request result:",
      { ok: true, user: { profile: { email: "jane@example.org", phone: "+1 555 010 0199" } } },
      new Error("failed for xoxb-1-2-3"),
    ]);
    expect(line).toContain("http request result:");
    expect(line).not.toMatch(/jane@example\.org|555 010|xoxb-1-2-3/);
    expect(line).toContain("[redacted]");
  });
});
