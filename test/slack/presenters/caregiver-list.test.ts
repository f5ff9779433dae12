import { describe, expect, it } from "vitest";
import type { CaregiverCard, CaregiverListPage, CaregiverRow } from "../../../src/app/caregivers";
import { checkMessage } from "../../../src/console/slack-rules";
import { caregiverCardMessage } from "../../../src/slack/presenters/caregivers/card";
import { CAREGIVER_ACTIONS, decodeValue } from "../../../src/slack/presenters/caregivers/ids";
import { caregiverListMessage, LIST_SHOW_PATTERN, readListValue } from "../../../src/slack/presenters/caregivers/list";
import { homeView } from "../../../src/slack/presenters/home";

const SCIM = { lms: "SCIM LMS", teletrack: "Spectrum TeleTrack", sandbox: undefined };

function row(overrides: Partial<CaregiverRow>): CaregiverRow {
  return {
    id: "tt-1",
    firstName: "Ana",
    lastName: "Lopez",
    state: "CA",
    lmsStatus: null,
    held: false,
    sync: "not-in-lms",
    blockers: [],
    noMobilePhone: false,
    refusal: null,
    ...overrides,
  };
}

function page(rows: CaregiverRow[], overrides: Partial<CaregiverListPage> = {}): CaregiverListPage {
  return {
    filter: "not-synced",
    rows,
    page: 1,
    pageCount: 1,
    total: rows.length,
    counts: { "not-synced": rows.length, "cannot-sync": 1, deactivated: 2, all: 20 },
    ...overrides,
  };
}

type AnyBlock = Record<string, unknown> & { type: string };
const blocksOf = (m: { blocks: unknown[] }) => m.blocks as AnyBlock[];
const rowBlocks = (m: { blocks: unknown[] }) => blocksOf(m).filter((b) => b.type === "section" && b.accessory);
const textOf = (b: AnyBlock) => (b.text as { text: string }).text;
const buttons = (m: { blocks: unknown[] }) =>
  blocksOf(m).flatMap((b) =>
    b.type === "actions"
      ? (b.elements as Array<{ action_id: string; value: string; text: { text: string }; style?: string }>)
      : [],
  );

describe("the caregiver list", () => {
  it("names the configured LMS, never a literal, and each row's status and blockers", () => {
    const message = caregiverListMessage(
      page(
        [
          row({ id: "tt-1", sync: "not-in-lms", noMobilePhone: true }),
          row({ id: "tt-2", lastName: "Baker", sync: "changed", lmsStatus: "active" }),
          row({ id: "tt-3", lastName: "Cole", sync: "synced", lmsStatus: "deactivated", held: true }),
          row({
            id: "tt-4",
            lastName: "Diaz",
            sync: "cannot-sync",
            blockers: [
              { field: "email", message: "Add an email" },
              { field: "birthDate", message: "Add a birth date" },
            ],
          }),
        ],
        { filter: "all" },
      ),
      "U1",
      SCIM,
    );
    const rows = rowBlocks(message).map(textOf);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain("*Lopez, Ana* · tt-1 · CA");
    expect(rows[0]).toContain("Not synced to SCIM LMS yet");
    expect(rows[0]).toContain("no mobile phone");
    expect(rows[1]).toContain("Active in SCIM LMS · changes in TeleTrack not synced");
    expect(rows[2]).toContain("Deactivated in SCIM LMS (on purpose");
    expect(rows[3]).toContain("Can't sync: no email, no birth date (CA requires one)");
    expect(JSON.stringify(message)).not.toContain("CareAcademy");
  });

  it("says in words why the LMS refused a caregiver's last sync, and a full page of long refusals stays within Slack's limits", () => {
    const refusal =
      "SCIM LMS already has this email on another caregiver's account; give each caregiver their own email in Spectrum TeleTrack.";
    const one = caregiverListMessage(
      page([row({ id: "tt-5", sync: "cannot-sync", refusal })], { filter: "cannot-sync" }),
      "U1",
      SCIM,
    );
    expect(textOf(rowBlocks(one)[0]!)).toContain(`:no_entry: Can't sync: at the last sync, ${refusal}`);

    const long = `<b>${"x".repeat(3_000)}</b> & more`;
    const rows = Array.from({ length: 10 }, (_, i) =>
      row({ id: `tt-${i}`, lastName: "W".repeat(200), sync: "cannot-sync", refusal: long, noMobilePhone: true }),
    );
    const full = caregiverListMessage(
      page(rows, { filter: "cannot-sync", page: 2, pageCount: 3, total: 30 }),
      "U1",
      SCIM,
    );
    expect(full.blocks.length).toBeLessThanOrEqual(16);
    const verdict = checkMessage(full as unknown as Record<string, unknown>);
    expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
    expect(JSON.stringify(full)).not.toContain("<b>");
  });

  it("each row's Card button opens that caregiver's card, for the person the list was made for", () => {
    const message = caregiverListMessage(page([row({ id: "tt-7" }), row({ id: "tt-8" })]), "U1", SCIM);
    const cards = rowBlocks(message).map((b) => b.accessory as { action_id: string; value: string });
    expect(cards.map((c) => c.action_id)).toEqual([CAREGIVER_ACTIONS.listCard, CAREGIVER_ACTIONS.listCard]);
    expect(cards.map((c) => decodeValue(c.value))).toEqual([
      { c: "tt-7", u: "U1" },
      { c: "tt-8", u: "U1" },
    ]);
  });

  it("filter buttons carry their counts, the shown one marked; Previous/Next only where there is a page", () => {
    const middle = caregiverListMessage(page([row({})], { page: 2, pageCount: 3, total: 25 }), "U1", SCIM);
    const all = buttons(middle);
    const filters = all.filter((b) => LIST_SHOW_PATTERN.test(b.action_id));
    expect(filters.map((b) => b.text.text)).toEqual([
      "Not synced (1)",
      "Can't sync (1)",
      "Deactivated (2)",
      "All (20)",
    ]);
    expect(filters.map((b) => b.style)).toEqual(["primary", undefined, undefined, undefined]);
    const previous = all.find((b) => b.action_id === CAREGIVER_ACTIONS.listPrevious);
    const next = all.find((b) => b.action_id === CAREGIVER_ACTIONS.listNext);
    expect(readListValue(previous?.value)).toEqual({ f: "not-synced", p: 1, u: "U1" });
    expect(readListValue(next?.value)).toEqual({ f: "not-synced", p: 3, u: "U1" });
    expect(JSON.stringify(middle)).toContain("page 2 of 3");

    const only = buttons(caregiverListMessage(page([row({})]), "U1", SCIM));
    expect(
      only.some((b) => b.action_id === CAREGIVER_ACTIONS.listPrevious || b.action_id === CAREGIVER_ACTIONS.listNext),
    ).toBe(false);
  });

  it("an empty list says so in words", () => {
    const message = caregiverListMessage(page([], { filter: "deactivated", total: 0 }), "U1", SCIM);
    expect(JSON.stringify(message)).toContain("No caregiver's SCIM LMS account is deactivated.");
  });

  it("a button value that is not one of its own is refused", () => {
    expect(readListValue('{"f":"synced","p":1}')).toBeUndefined();
    expect(readListValue("nonsense")).toBeUndefined();
  });
});

describe("the LMS sign-in button", () => {
  const card: CaregiverCard = {
    caregiver: { id: "tt-1", firstName: "Ana", lastName: "Lopez", state: "OR", status: "active" },
    lms: { id: "ca-1", status: "active", trainingDueDate: null, linked: true },
    synced: null,
    pending: [],
    problems: [],
    warnings: [],
    held: false,
    fixFields: [],
    actions: ["deactivate"],
  };
  const LABELS = { lms: "CareAcademy", teletrack: "Spectrum TeleTrack", sandbox: undefined };

  it("is on the card only when the card says the viewer may sign in", () => {
    const signIn = (c: CaregiverCard) =>
      buttons(caregiverCardMessage(c, "U1", LABELS)).find((b) => b.action_id === CAREGIVER_ACTIONS.signIn);
    expect(signIn(card)).toBeUndefined();
    expect(signIn({ ...card, signIn: true })?.text.text).toBe("Sign in to CareAcademy");
    expect(signIn({ ...card, actions: [], signIn: true })).toBeDefined();
  });

  it("is in App Home when the summary names the LMS", () => {
    const summary = {
      principal: { role: "admin", grants: [] },
      officeName: undefined,
      recentJobs: [],
      sandboxVendors: [],
      askAdmin: undefined,
      linkSuggestions: undefined,
      recentChanges: [],
    } as unknown as Parameters<typeof homeView>[0];
    const find = (view: ReturnType<typeof homeView>) =>
      buttons(view as unknown as { blocks: unknown[] }).find((b) => b.action_id === CAREGIVER_ACTIONS.signIn);
    expect(find(homeView(summary))).toBeUndefined();
    expect(find(homeView({ ...summary, lmsSignIn: "CareAcademy" }))?.text.text).toBe("Sign in to CareAcademy");
  });
});
