import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSecretBox } from "../../../src/app/installations/secret-box";

const OLD = randomBytes(32);
const NEW = randomBytes(32);

describe("secret box (AES-256-GCM)", () => {
  it("opens what it sealed, and the sealed text holds neither the secret nor the key", () => {
    const box = createSecretBox({ key: NEW, previous: undefined });
    const sealed = box.seal('{"token":"xoxb-secret-1"}');
    expect(sealed).not.toContain("xoxb");
    expect(sealed).not.toContain(NEW.toString("base64"));
    expect(box.open(sealed)).toBe('{"token":"xoxb-secret-1"}');
    expect(box.seal("same")).not.toBe(box.seal("same"));
  });

  it("after a key change, opens the old key's values while they are resealed with the new one", () => {
    const before = createSecretBox({ key: OLD, previous: undefined }).seal("xoxb-rotate-me");
    const rotated = createSecretBox({ key: NEW, previous: OLD });
    expect(rotated.isStale(before)).toBe(true);
    expect(rotated.open(before)).toBe("xoxb-rotate-me");
    const resealed = rotated.seal(rotated.open(before));
    expect(rotated.isStale(resealed)).toBe(false);
    expect(createSecretBox({ key: NEW, previous: undefined }).open(resealed)).toBe("xoxb-rotate-me");
    expect(() => createSecretBox({ key: NEW, previous: undefined }).open(before)).toThrow(/neither/);
  });

  it("refuses a value that was tampered with", () => {
    const box = createSecretBox({ key: NEW, previous: undefined });
    const parts = box.seal("xoxb-intact").split(":");
    const data = Buffer.from(parts[4]!, "base64");
    data[0] = data[0]! ^ 1;
    parts[4] = data.toString("base64");
    expect(() => box.open(parts.join(":"))).toThrow();
  });
});
