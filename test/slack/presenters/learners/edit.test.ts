import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editFormOf, fingerprintOf, type LearnerEdited } from "../../../../src/app/learners/edit";
import { checkMessage, checkView } from "../../../../src/console/slack-rules";
import type { CacwtLearner } from "../../../../src/providers/roles";
import type { Message } from "../../../../src/slack/presenters/kit";
import { editLearnerModal, editNoticeModal } from "../../../../src/slack/presenters/learners/add-modal";
import { learnerBlocks, learnerEditedMessage } from "../../../../src/slack/presenters/learners/card";

const hostile = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    "<@U0ADMIN>",
    "<!channel>",
    "a & b <c> *bold* _it_ ~strike~ `code`",
    "Zoë 👩‍👩‍👧‍👦 Ñúñez",
    "e\u0301\u0301\u0301",
  ),
  fc.string({ unit: "grapheme", minLength: 300, maxLength: 400 }),
  fc
    .array(fc.constantFrom("<", ">", "&", "*", "_", "~", "`", "😀", "e\u0301"), { minLength: 300, maxLength: 600 })
    .map((a) => a.join("")),
);

const HELP_CENTER = "submit a ticket to the Academy Help Center";

function validMessage(message: Message): void {
  const verdict = checkMessage(message as unknown as Record<string, unknown>);
  expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
}

function learnerNamed(first: string, last: string, email: string, employeeType: string): CacwtLearner {
  return {
    userId: email,
    firstName: first,
    lastName: last,
    email,
    status: "Active",
    affiliation: "California Community Partners",
    organizationName: null,
    employeeType,
    dateHire: "2026-02-03",
    trainingManager: true,
    supervisor: true,
  };
}

describe("the learner Edit form and its result", () => {
  it("hostile names, emails and employee types: the form, the card and the rename pass Slack's rules", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (first, last, email, employeeType) => {
        const learner = learnerNamed(first, last, email.slice(0, 254), employeeType);
        const form = editFormOf(learner);
        const view = editLearnerModal(
          learner,
          form,
          {
            channelId: "C1",
            userId: learner.userId,
            was: fingerprintOf(form),
          },
          "CACWT",
          HELP_CENTER,
        );
        const verdict = checkView(view);
        expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
        const edited: LearnerEdited = {
          learner,
          renamed: { from: `${last} ${first}`, to: `${first} ${last}` },
          changes: [
            { field: "lastName", label: "Last name", from: first, to: last },
            { field: "email", label: "Email", from: email, to: email },
            { field: "county", label: "County", from: employeeType, to: "Riverside" },
          ],
        };
        validMessage(learnerEditedMessage(edited, "CACWT"));
        validMessage(learnerEditedMessage({ ...edited, changes: [], renamed: null }, "CACWT"));
        validMessage({ text: "card", blocks: learnerBlocks(learner, "CACWT") });
      }),
      { numRuns: 60 },
    );
  });

  it("a User ID too long for the modal's metadata gives a sentence instead of a form Slack would refuse", () => {
    const learner = learnerNamed("Ana", "Garcia", `${"a".repeat(3000)}@x.org`, "Riverside County Community Partner");
    const form = editFormOf(learner);
    const view = editLearnerModal(
      learner,
      form,
      { channelId: "C1", userId: learner.userId, was: fingerprintOf(form) },
      "CACWT",
      HELP_CENTER,
    );
    expect(view.callback_id).toBeUndefined();
    expect(checkView(view).ok).toBe(true);
    expect(checkView(editNoticeModal("x".repeat(5000))).ok).toBe(true);
  });

  it("fills in the county and both roles as Slack accepts them, and leaves an unknown county to be chosen", () => {
    const learner = learnerNamed("Ana", "Garcia", "ana@x.org", "Riverside County Community Partner");
    const view = editLearnerModal(
      learner,
      editFormOf(learner),
      { channelId: "C1", userId: "ana@x.org", was: {} },
      "CACWT",
      HELP_CENTER,
    );
    const blocks = JSON.stringify(view.blocks);
    expect(blocks).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Riverside","emoji":true},"value":"Riverside"}',
    );
    expect(blocks).toContain(
      '"initial_options":[{"text":{"type":"plain_text","text":"Training manager","emoji":true},"value":"trainingManager"},{"text":{"type":"plain_text","text":"Supervisor","emoji":true},"value":"supervisor"}]',
    );
    const unknown = learnerNamed("Ana", "Garcia", "ana@x.org", "Social Worker");
    const other = JSON.stringify(
      editLearnerModal(
        unknown,
        editFormOf(unknown),
        { channelId: "C1", userId: "ana@x.org", was: {} },
        "CACWT",
        HELP_CENTER,
      ).blocks,
    );
    expect(other).not.toContain('initial_option"');
  });
});
