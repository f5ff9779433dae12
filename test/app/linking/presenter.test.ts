import { describe, expect, it } from "vitest";
import type { ActionOutcome, LinkingOverview, UnlinkedRow } from "../../../src/app/linking";
import { linkSuggestionBlocks } from "../../../src/slack/presenters/linking/home";
import { outcomeBlocks, overviewMessage, ROWS_PER_PAGE } from "../../../src/slack/presenters/linking/overview";
import { unlinkedRowBlocks } from "../../../src/slack/presenters/linking/rows";
import {
  actionPattern,
  firstPage,
  LINK_ACTION,
  pairValue,
  parseValue,
  unrejectValue,
} from "../../../src/slack/presenters/linking/values";
import { buttonNamed, buttonsOf, textOf } from "./slack";

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
  autoLinkedAt: "2026-12-01T09:00:00.000Z",
  autoLinkSkipped: 2,
  exactMatchesWaiting: 0,
  notLinkedInMotivity: many("m", 30),
  notLinkedInCalmanac: many("s", 30),
  linked: [],
  ignored: [],
  rejected: Array.from({ length: 20 }, (_, i) => ({
    motivity: person(`r${i}`),
    calmanac: person(`q${i}`),
    decidedAt: new Date(Date.UTC(2026, 11, 1, 9, i)).toISOString(),
  })),
  serviceAccounts: ["Motivity Support"],
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

describe("a create that Motivity answers 409 email_taken", () => {
  // What createMember returns for that answer (test/app/linking/create.test.ts).
  const outcome: ActionOutcome = {
    status: "unchanged",
    message: "Rosa Delgado is already in Motivity as the member with that email — link instead?",
    linkInstead: { motivityId: "m-77", calmanacId: "s-1", name: "the member with that email" },
  };

  it("says so and offers a Link button for that pair, which the Link listener handles", () => {
    const position = { ...firstPage("members"), b: 2 };
    const blocks = outcomeBlocks(outcome, "members", position);
    expect(textOf({ blocks })).toContain("already in Motivity as the member with that email — link instead?");
    const link = buttonNamed({ blocks }, "Link to the member with that email");
    expect(actionPattern(LINK_ACTION.link).test(link.action_id)).toBe(true);
    expect(parseValue(pairValue, link.value)).toEqual({ k: "members", m: "m-77", c: "s-1", p: position });
  });

  it("offers no Link button for an outcome without a member to link", () => {
    const blocks = outcomeBlocks({ status: "done", message: "Created." }, "members", firstPage("members"));
    expect(buttonsOf({ blocks })).toEqual([]);
  });
});

describe("the answer's undo button", () => {
  const position = { ...firstPage("members"), view: "linked" as const, a: 1 };

  it("after an Unlink is Link again: the Link listener's button for that pair", () => {
    const blocks = outcomeBlocks(
      { status: "done", message: "Unlinked.", undo: { type: "relink", motivityId: "m-1", calmanacId: "s-1" } },
      "members",
      position,
    );
    const again = buttonNamed({ blocks }, "Link again");
    expect(actionPattern(LINK_ACTION.link).test(again.action_id)).toBe(true);
    expect(parseValue(pairValue, again.value)).toEqual({ k: "members", m: "m-1", c: "s-1", p: position });
  });

  it("after a Not a match is Undo, naming the rejections and when they were recorded", () => {
    const undo = {
      type: "unreject" as const,
      side: "calmanac" as const,
      recordId: "s-1",
      recordName: "Olivia Brown",
      others: ["m-1", "m-2"],
      decidedAt: "2026-03-04T05:06:07.089Z",
    };
    const blocks = outcomeBlocks({ status: "done", message: "Noted.", undo }, "learners", position);
    const button = buttonNamed({ blocks }, "Undo");
    expect(actionPattern(LINK_ACTION.unreject).test(button.action_id)).toBe(true);
    expect(actionPattern(LINK_ACTION.reject).test(button.action_id)).toBe(false);
    expect(parseValue(unrejectValue, button.value)).toEqual({
      k: "learners",
      s: "calmanac",
      id: "s-1",
      o: ["m-1", "m-2"],
      t: "2026-03-04T05:06:07.089Z",
      p: position,
    });
  });
});

describe("a suggestion's Link button", () => {
  it("shortens a long name to fit Slack's 75 characters and keeps the score", () => {
    const name = "María de los Ángeles Fernández-Castellanos Villarreal de la Torre y Mendoza";
    const long: UnlinkedRow = {
      person: person("m1"),
      candidates: [{ person: { id: "s1", name, detail: null }, score: 0.94, reasons: ["same email"] }],
    };
    const [button] = buttonsOf({ blocks: unlinkedRowBlocks(long, "motivity", firstPage("members"), true) });
    expect(button?.text.text).toHaveLength(75);
    expect(button?.text.text).toMatch(/^Link to María de los Ángeles .+… · 94%$/);
  });

  it("keeps a short name whole", () => {
    const [button] = buttonsOf({ blocks: unlinkedRowBlocks(row("m1"), "motivity", firstPage("members"), true) });
    expect(button?.text.text).toBe("Link to Person m1-c1 with a rather long double-barrelled name · 90%");
  });
});

describe("namesakes that tie with the last suggestion but did not fit", () => {
  const blocksOf = (r: UnlinkedRow, side: "motivity" | "calmanac", canManage: boolean) => ({
    blocks: unlinkedRowBlocks(r, side, firstPage("members"), canManage),
  });
  const findText = (r: UnlinkedRow, side: "motivity" | "calmanac") =>
    buttonsOf(blocksOf(r, side, true)).find((b) => b.action_id === LINK_ACTION.search)?.text.text;

  it("are counted on an admin's Find button, no longer than the button was", () => {
    expect(findText({ ...row("m1"), tiedBeyond: 4 }, "motivity")).toBe("Find 4 more…");
    expect(findText({ ...row("s1"), tiedBeyond: 1200 }, "calmanac")).toBe("Find 999+ more…");
    expect(textOf(blocksOf({ ...row("m1"), tiedBeyond: 4 }, "motivity", true))).not.toContain("just as likely");
  });

  it("are counted under the suggestions for a viewer, who has no buttons", () => {
    const [text] = blocksOf({ ...row("m1"), tiedBeyond: 1 }, "motivity", false).blocks as Array<{
      text: { text: string };
    }>;
    const lines = text?.text.text.split("\n") ?? [];
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe("_…and 1 more just as likely, not shown._");
  });

  it("change nothing when none were left out", () => {
    expect(findText(row("m1"), "motivity")).toBe("Find in Calmanac…");
    expect(findText({ ...row("m1"), tiedBeyond: 0 }, "motivity")).toBe("Find in Calmanac…");
    expect(textOf(blocksOf({ ...row("m1"), tiedBeyond: 0 }, "motivity", false))).not.toContain("just as likely");
  });
});

describe("+ Create beside a suggestion", () => {
  const withBest = (score: number): UnlinkedRow => ({
    person: { id: "s1", name: "Rosa Delgado", detail: null },
    candidates: [{ person: { id: "m1", name: "Rosa Delgada", detail: null }, score, reasons: ["last name alike"] }],
  });
  const create = (score: number) =>
    buttonsOf({ blocks: unlinkedRowBlocks(withBest(score), "calmanac", firstPage("members"), true) }).find(
      (b) => b.text.text === "+ Create in Motivity",
    ) as { confirm?: { text: { text: string }; confirm: { text: string } } } | undefined;

  it("asks first from 90% on, naming the look-alike and its score; below that it creates without asking", () => {
    expect(create(0.9)?.confirm?.text.text).toBe(
      "Rosa Delgado may already be in Motivity as Rosa Delgada (90% alike). A new profile may duplicate them: if it is the same person, link instead.",
    );
    expect(create(0.9)?.confirm?.confirm.text).toBe("Create anyway");
    expect(create(0.89)).toBeDefined();
    expect(create(0.89)?.confirm).toBeUndefined();
  });
});

describe("App Home's linking section", () => {
  it("before any review says nothing was checked yet and offers to review each kind", () => {
    const blocks = linkSuggestionBlocks({
      open: { members: 0, learners: 0 },
      checked: { members: false, learners: false },
    });
    expect(textOf({ blocks })).toContain("Not checked yet");
    expect(textOf({ blocks })).not.toContain("No suggestions wait");
    expect(buttonsOf({ blocks }).map((b) => [b.text.text, b.action_id, b.value])).toEqual([
      ["Review members", "link.review:members", "members"],
      ["Review learners", "link.review:learners", "learners"],
    ]);
  });

  it("after a review counts what waits, with a button for each kind that has some", () => {
    const blocks = linkSuggestionBlocks({
      open: { members: 3, learners: 0 },
      checked: { members: true, learners: true },
    });
    expect(textOf({ blocks })).toContain("3 suggestions for members and 0 for learners wait for a decision.");
    expect(buttonsOf({ blocks }).map((b) => b.text.text)).toEqual(["Review members (3)"]);
  });

  it("after a review that left nothing open says none wait, without buttons", () => {
    const blocks = linkSuggestionBlocks({
      open: { members: 0, learners: 0 },
      checked: { members: true, learners: true },
    });
    expect(textOf({ blocks })).toContain("No suggestions wait.");
    expect(buttonsOf({ blocks })).toEqual([]);
  });

  it("with one kind reviewed, counts that kind and says the other was not checked, with a button to look", () => {
    const blocks = linkSuggestionBlocks({
      open: { members: 2, learners: 0 },
      checked: { members: true, learners: false },
    });
    expect(textOf({ blocks })).toContain("2 suggestions for members wait for a decision.");
    expect(textOf({ blocks })).toContain("Not checked yet: nobody has looked for learners to link.");
    expect(buttonsOf({ blocks }).map((b) => b.text.text)).toEqual(["Review members (2)", "Review learners"]);
  });

  it("shows nothing to someone who may not see links", () => {
    expect(linkSuggestionBlocks(undefined)).toEqual([]);
  });
});
