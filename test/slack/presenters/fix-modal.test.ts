import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkView, checkViewAck } from "../../../src/console/slack-rules";
import { fixModal, readLinkChoice } from "../../../src/slack/presenters/caregivers/fix-modal";
import type { FixMeta } from "../../../src/slack/presenters/caregivers/ids";
import { readFixMeta } from "../../../src/slack/presenters/caregivers/ids";

/** What vendors and people put in names and emails: long, emoji, combining marks, markup. */
const hostile = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom("<@U0ADMIN>", "<!channel>", "a & b <c> *bold*", "Zoë 👩‍👩‍👧‍👦 Ñúñez", "e\u0301\u0301\u0301"),
  fc.string({ unit: "grapheme", minLength: 300, maxLength: 400 }),
);

const meta = (name: string, owner?: string): FixMeta => ({
  caregiverId: "tt-1",
  name,
  fields: ["email"],
  asked: ["email", "mobilePhone", "birthDate"],
  required: ["email"],
  ...(owner === undefined ? {} : { linkable: { id: "ca-u-1", name: owner } }),
  channel: "C1",
  madeFor: "U1",
});

describe("the Fix and sync form", () => {
  it("stays within Slack's limits with hostile names, values and problems, and with the link choice", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (name, owner, value, problem) => {
        const view = fixModal(meta(name, owner), "SCIM LMS", {
          values: { email: value.slice(0, 150), mobilePhone: value.slice(0, 150), birthDate: "1990-07-21" },
          errors: { email: problem },
          general: [problem],
        });
        const verdict = checkView(view);
        expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
        expect(JSON.stringify(view)).not.toContain("CareAcademy");
        // Errors on fields go back as the flat {block_id: message} map Slack accepts for this view.
        const ack = checkViewAck(
          { response_action: "errors", errors: { email: problem.slice(0, 150) } },
          view as unknown as Record<string, unknown>,
        );
        expect(ack.ok ? [] : ack.response_metadata.messages).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("carries the choice of linking in its metadata, and reads it back when picked", () => {
    const view = fixModal(meta("Ana Lima", "Ana Souza"), "CareAcademy", { values: {} });
    expect(readFixMeta(view.private_metadata ?? "")?.linkable).toEqual({ id: "ca-u-1", name: "Ana Souza" });
    expect(
      readLinkChoice({
        emailOwner: {
          emailOwner: { selected_option: { text: { type: "plain_text", text: "" }, value: "link:ca-u-1" } },
        },
      }),
    ).toBe("ca-u-1");
    expect(
      readLinkChoice({
        emailOwner: { emailOwner: { selected_option: { text: { type: "plain_text", text: "" }, value: "another" } } },
      }),
    ).toBeUndefined();
    // A form opened by an earlier version (no asked/required) still reads.
    expect(readFixMeta(JSON.stringify({ caregiverId: "tt-1", fields: ["email"], channel: "C1" }))).toMatchObject({
      asked: ["email"],
    });
  });
});
