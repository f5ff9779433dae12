import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BOT_SCOPES } from "../../src/slack/oauth/scopes";

const manifest = readFileSync(new URL("../../manifest.yml", import.meta.url), "utf8");

describe("OAuth install scopes", () => {
  it("are manifest.yml's bot scopes, in its order", () => {
    const bot = manifest.split(/\n\s+bot:\n/)[1]!.split(/\n\S/)[0]!;
    const declared = [...bot.matchAll(/^\s+- (\S+)$/gm)].map((m) => m[1]);
    expect(declared).toEqual([...BOT_SCOPES]);
  });
});
