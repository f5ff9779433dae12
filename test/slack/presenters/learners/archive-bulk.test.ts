import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ArchiveSelection } from "../../../../src/app/learners/bulk-archive";
import { checkMessage } from "../../../../src/console/slack-rules";
import type { Message } from "../../../../src/slack/presenters/kit";
import { approvalRequestMessage, archivePreviewMessage } from "../../../../src/slack/presenters/learners/archive-bulk";

/** What vendors put in names and emails: long, emoji, combining marks, markup, formatting. */
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

function valid(message: Message): void {
  const verdict = checkMessage(message as unknown as Record<string, unknown>);
  expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
}

function selection(
  name: string,
  email: string,
  description: string,
  at: { page: number; pages: number; count: number; leftOut: number; needsSecondApproval: boolean },
): ArchiveSelection {
  const rows = Array.from({ length: Math.min(10, at.count - at.page * 10) }, (_, i) => ({
    seq: at.page * 10 + i,
    name: `${name}${i}`,
    email: `${email}${i}`,
    leftOut: i % 3 === 0,
  }));
  return {
    job: { id: "0b6f3a2e-1111-4222-8333-944455556666" },
    plan: {
      filter: { status: "Active" },
      description,
      count: at.count,
      sample: rows.map((r) => r.name),
      activeTotal: 5_000,
      threshold: { maxCount: 100, maxShare: 0.2 },
      needsSecondApproval: at.needsSecondApproval,
    },
    page: at.page,
    pages: at.pages,
    offset: at.page * 10,
    rows,
    leftOut: at.leftOut,
    remaining: at.count - at.leftOut,
    needsSecondApproval: at.needsSecondApproval,
  } as unknown as ArchiveSelection;
}

const buttonsOf = (message: Message) =>
  JSON.stringify(message.blocks)
    .match(/"action_id":"[^"]+"/g)
    ?.map((a) => a.slice(13, -1)) ?? [];

describe("the bulk archive preview", () => {
  it("a page of 10 hostile names and emails, a hostile filter, with every button: Slack's rules hold", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, fc.integer({ min: 0, max: 299 }), (name, email, description, page) => {
        const count = 3_000;
        valid(
          archivePreviewMessage(
            selection(name, email, description, { page, pages: 300, count, leftOut: 4, needsSecondApproval: true }),
            "CACWT (sandbox demo data)",
          ),
        );
      }),
      { numRuns: 60 },
    );
  });

  it("says who is left, offers Leave out or Put back per row, pages, and confirms only what is left", () => {
    const middle = archivePreviewMessage(
      selection("Ana", "ana@x.org", "Active learners", {
        page: 1,
        pages: 3,
        count: 25,
        leftOut: 3,
        needsSecondApproval: false,
      }),
      "CACWT",
    );
    const text = JSON.stringify(middle.blocks);
    expect(middle.text).toBe("Archive 22 learners: Active learners");
    expect(text).toContain("The filter found 25 learners; you left out 3.");
    expect(text).toContain("Learners 11–20 of 25 · page 2 of 3");
    expect(text).toContain("~Ana0 · ana@x.org0~ _left out_");
    expect(buttonsOf(middle)).toEqual([
      "learner.archive-bulk-put-back",
      "learner.archive-bulk-leave-out",
      "learner.archive-bulk-leave-out",
      "learner.archive-bulk-put-back",
      "learner.archive-bulk-leave-out",
      "learner.archive-bulk-leave-out",
      "learner.archive-bulk-put-back",
      "learner.archive-bulk-leave-out",
      "learner.archive-bulk-leave-out",
      "learner.archive-bulk-put-back",
      "learner.archive-bulk-previous",
      "learner.archive-bulk-next",
      "learner.archive-bulk-confirm",
      "learner.archive-bulk-cancel",
    ]);
    expect(text).toContain('"text":"Archive 22 learners"');

    const everyoneOut = archivePreviewMessage(
      selection("Ana", "ana@x.org", "Active learners", {
        page: 0,
        pages: 1,
        count: 2,
        leftOut: 2,
        needsSecondApproval: false,
      }),
      "CACWT",
    );
    expect(JSON.stringify(everyoneOut.blocks)).toContain("Everyone is left out");
    expect(buttonsOf(everyoneOut)).not.toContain("learner.archive-bulk-confirm");
    expect(buttonsOf(everyoneOut)).toContain("learner.archive-bulk-cancel");
  });

  it("the approval request tells the second admin how many the asker left out", () => {
    const request = approvalRequestMessage(
      { id: "j1", actorSlackId: "U0ADA", status: "awaiting-second-approval", approvedBy: null } as never,
      {
        description: "Active learners with an email address at @x.org",
        count: 4,
        leftOut: 2,
        sample: ["A B", "C D", "E F", "G H"],
        activeTotal: 10,
        threshold: { maxCount: 2, maxShare: 1 },
        needsSecondApproval: true,
      },
      "CACWT",
    );
    expect(JSON.stringify(request.blocks)).toContain(
      "asks to archive *4 learners* in CACWT: Active learners with an email address at @x.org (of the 6 learners it found, 2 left out).",
    );
  });
});
