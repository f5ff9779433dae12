import { describe, expect, it } from "vitest";
import type { LinkingOverview, UnlinkedRow } from "../../../src/app/linking";
import { overviewMessage, ROWS_PER_PAGE } from "../../../src/slack/presenters/linking/overview";
import { firstPage } from "../../../src/slack/presenters/linking/values";

const person = (id: string) => ({
  id,
  name: `Person ${id} with a rather long double-barrelled name`,
  detail: `${id}@example.com`,
});
const row = (id: string): UnlinkedRow => ({
  person: person(id),
  candidates: [1, 2, 3].map((n) => ({
    person: person(`${id}-c${n}`),
    score: 0.9,
    reasons: ["same email", "last name equal"],
  })),
});
const many = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => row(`${prefix}${i}`));

/** The fullest page there can be: full lists on both sides, every row with three matches, every notice. */
const fullest: LinkingOverview = {
  kind: "members",
  canManage: true,
  autoLinked: Array.from({ length: 40 }, (_, i) => ({
    motivity: person(`a${i}`),
    calmanacId: `c${i}`,
    calmanac: person(`c${i}`),
  })),
  autoLinkSkipped: 2,
  exactMatchesWaiting: 0,
  notLinkedInMotivity: many("m", 30),
  notLinkedInCalmanac: many("s", 30),
  linked: [],
  ignored: [],
  serviceAccounts: 1,
  sandboxVendors: ["motivity", "calmanac"],
};

describe("the /link message", () => {
  it("stays within Slack's 50 blocks and 25 buttons a block on its fullest page", () => {
    const outcome = {
      status: "unchanged" as const,
      message: "Ethan Park is already in Motivity as Bob Smith — link instead?",
      linkInstead: { motivityId: "m1", calmanacId: "s1", name: "Bob Smith" },
    };
    for (const position of [firstPage("members"), { ...firstPage("members"), a: 1, b: 2 }]) {
      const message = overviewMessage(fullest, position, outcome);
      expect(message.blocks.length).toBeLessThanOrEqual(50);
      const rows = JSON.stringify(message.blocks).match(/\*Person [ms]\d+ with/g) ?? [];
      expect(rows).toHaveLength(2 * ROWS_PER_PAGE);
      for (const block of message.blocks) {
        if (block.type === "actions") expect(block.elements.length).toBeLessThanOrEqual(25);
      }
    }
  });

  it("shows a page past the end as the last page (the list shrank since the button was made)", () => {
    const message = overviewMessage(fullest, { ...firstPage("members"), a: 99, b: 99 });
    const text = JSON.stringify(message.blocks);
    expect(text).toContain("*Not linked in Motivity* · 30 · page 4 of 4");
    expect(text).toContain("*Person m29 with");
  });

  it("gives each button in a row its own action id, as Slack requires", () => {
    const message = overviewMessage(fullest, firstPage("members"));
    for (const block of message.blocks) {
      if (block.type !== "actions") continue;
      const idsInBlock = block.elements.map((e) => ("action_id" in e ? e.action_id : ""));
      expect(new Set(idsInBlock).size).toBe(idsInBlock.length);
    }
  });

  it("says how many were linked without listing more than ten names", () => {
    const text = JSON.stringify(overviewMessage(fullest, firstPage("members")).blocks);
    expect(text).toContain("Linked *40* exact matches just now");
    expect(text).toContain("and 30 more");
  });
});
