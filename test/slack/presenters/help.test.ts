import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../../src/app/help";
import { checkMessage } from "../../../src/console/slack-rules/surfaces";
import { helpMessage } from "../../../src/slack/presenters/help";
import { escape } from "../../../src/slack/presenters/kit";

const NAMES = { caregiverLms: "CareAcademy", learnerLms: "CACWT" };

describe("/carebridge help", () => {
  it("lists every command an admin has, within Slack's limits (the list outgrew one section)", () => {
    const message = helpMessage(
      {
        commands: COMMANDS.map((c) => ({ usage: c.usage, does: typeof c.does === "string" ? c.does : c.does(NAMES) })),
        askAdmin: undefined,
      },
      "Vendors are the sandbox.",
    );
    const verdict = checkMessage({ channel: "C1", ...message });
    expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
    const text = message.blocks!.map((b) => (b.type === "section" ? (b.text?.text ?? "") : "")).join("\n");
    for (const command of COMMANDS) expect(text).toContain(escape(command.usage));
  });
});
