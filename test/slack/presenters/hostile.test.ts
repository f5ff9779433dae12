import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AccessEntry } from "../../../src/app/access/service";
import { type CaregiverCard, LIST_PAGE_SIZE } from "../../../src/app/caregivers";
import type { LinkingOverview, UnlinkedRow } from "../../../src/app/linking";
import { mention } from "../../../src/app/mention";
import { checkMessage, checkView } from "../../../src/console/slack-rules";
import { addLearnerModal } from "../../../src/slack/presenters/learners/add-modal";
import type { CacwtLearner } from "../../../src/providers/roles";
import { ACCESS_PAGE_SIZE, accessListMessage } from "../../../src/slack/presenters/access";
import { agencyUserListMessage } from "../../../src/slack/presenters/agency-users/list";
import { caregiverCardMessage } from "../../../src/slack/presenters/caregivers/card";
import { caregiverListMessage } from "../../../src/slack/presenters/caregivers/list";
import { escapeName, type Message, notice, problemsMessage, slackPayload } from "../../../src/slack/presenters/kit";
import { learnerSearchMessage, statusChangeMessage } from "../../../src/slack/presenters/learners/card";
import { importPreviewMessage, importRefusedMessage } from "../../../src/slack/presenters/learners/import";
import { approvalRequestMessage } from "../../../src/slack/presenters/learners/archive-bulk";
import { overviewMessage } from "../../../src/slack/presenters/linking/overview";
import { firstPage } from "../../../src/slack/presenters/linking/values";

/** What vendors, CSVs and people put in names: long, emoji, combining marks, markup, formatting. */
const hostile = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom(
    "<@U0ADMIN>",
    "<!channel>",
    "a & b <c> *bold* _it_ ~strike~ `code`",
    "Zoë 👩‍👩‍👧‍👦 Ñúñez",
    "e\u0301\u0301\u0301",
    "&amp;lt;",
  ),
  fc.string({ unit: "grapheme", minLength: 300, maxLength: 400 }),
  fc
    .array(fc.constantFrom("<", ">", "&", "*", "_", "~", "`", "😀", "e\u0301"), { minLength: 300, maxLength: 600 })
    .map((a) => a.join("")),
);

const runs = { numRuns: 40 };

function valid(message: Message): void {
  const verdict = checkMessage(message as unknown as Record<string, unknown>);
  expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
}

describe("presenters with hostile data pass Slack's rules", () => {
  it("/link: 500 suggestions, every page", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, detail, reason) => {
        const person = (id: string) => ({ id, name: `${name}${id}`, detail });
        const row = (id: string): UnlinkedRow => ({
          person: person(id),
          candidates: [1, 2, 3].map((n) => ({ person: person(`${id}c${n}`), score: 0.9, reasons: [reason, reason] })),
          tiedBeyond: 123_456,
        });
        const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => row(`${prefix}${i}`));
        const overview: LinkingOverview = {
          kind: "members",
          canManage: true,
          autoLinked: Array.from({ length: 40 }, (_, i) => ({
            motivity: person(`a${i}`),
            calmanacId: `c${i}`,
            calmanac: person(`c${i}`),
          })),
          autoLinkedAt: "2026-12-01T09:00:00.000Z",
          autoLinkSkipped: 2,
          exactMatchesWaiting: 3,
          notLinkedInMotivity: rows("m", 250),
          notLinkedInCalmanac: rows("s", 250),
          linked: Array.from({ length: 30 }, (_, i) => ({
            motivity: person(`l${i}`),
            calmanacId: `k${i}`,
            calmanac: person(`k${i}`),
          })),
          ignored: [],
          rejected: Array.from({ length: 30 }, (_, i) => ({
            motivity: person(`r${i}`),
            calmanac: person(`q${i}`),
            decidedAt: "2026-12-01T09:00:00.000Z",
          })),
          serviceAccounts: ["Motivity <Support>           serviceAccounts: 1, Co"],
          sandboxVendors: ["motivity", "calmanac"],
        };
        const start = firstPage("members");
        for (const position of [
          start,
          { ...start, a: 15, b: 31 },
          { ...start, view: "linked" as const, a: 1 },
          { ...start, view: "rejected" as const, a: 2 },
        ])
          valid(overviewMessage(overview, position, { status: "done", message: `${name} linked` }));
        valid(overviewMessage({ ...overview, canManage: false }, start));
      }),
      { numRuns: 4 },
    );
  });

  it("/carebridge access list: 1,000 people, every page, everyone reachable", () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 1, max: 1000 }), (office, count) => {
        const entries: AccessEntry[] = Array.from({ length: count }, (_, i) => ({
          userId: `U${String(i).padStart(8, "0")}`,
          role: i % 3 === 0 ? "agency_user" : i % 3 === 1 ? "admin" : "viewer",
          office: "of",
          officeName: office,
          grants: i % 3 === 0 ? ["create-staff"] : [],
          fromConfig: false,
        }));
        const pages = Math.ceil(count / ACCESS_PAGE_SIZE);
        const seen = new Set<string>();
        for (let page = 1; page <= pages; page += 1) {
          const message = accessListMessage(entries, page);
          valid(message);
          for (const [, id] of JSON.stringify(message.blocks).matchAll(/<@(U\d+)>/g)) seen.add(id!);
          if (page < pages) expect(JSON.stringify(message.blocks)).toContain(`/carebridge access list ${page + 1}`);
        }
        expect(seen.size).toBe(count);
      }),
      { numRuns: 10 },
    );
  });

  it("a refusal naming 200 offices shows every office", () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 200, maxLength: 200 }), (names) => {
        const offices = names.map((n, i) => `${n.slice(0, 40)}${i}`);
        const message = problemsMessage([{ message: `Say which office. Offices: ${offices.join(", ")}.` }]);
        valid(message);
        expect(message.blocks.length).toBeGreaterThan(0);
      }),
      { numRuns: 10 },
    );
  });

  it("/agency-user list: a page of 20 hostile rows", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (name, username, role) => {
        const rows = Array.from({ length: 20 }, (_, i) => ({
          name: `${name}${i}`,
          username,
          roleName: role,
          status: "active" as const,
        }));
        valid(
          agencyUserListMessage(
            { office: { id: "of", name }, rows, page: 2, pageCount: 3, total: 55 },
            "Caresmartz360 (sandbox)",
          ),
        );
      }),
      runs,
    );
  });

  it("the caregiver card, with Deactivate's confirm under 300 characters", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (first, last, problem) => {
        const card: CaregiverCard = {
          caregiver: { id: "c1", firstName: first, lastName: last, state: "CA", status: "active" },
          lms: { id: "u1", status: "active", trainingDueDate: "2026-12-31", linked: true },
          synced: { outcome: "updated", changed: ["email"] },
          pending: ["phone"],
          problems: [problem, problem],
          warnings: [problem],
          fixFields: [],
          actions: ["sync", "deactivate", "fix"],
        } as unknown as CaregiverCard;
        valid(
          caregiverCardMessage(card, "U1", { lms: "CareAcademy", teletrack: "Spectrum TeleTrack", sandbox: undefined }),
        );
      }),
      runs,
    );
  });

  it("/caregiver list: a full page of hostile caregivers, each blocked twice, with every button", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, hostile, (first, last, id, state) => {
        const rows = Array.from({ length: LIST_PAGE_SIZE }, (_, i) => ({
          id: `${id}${i}`,
          firstName: first,
          lastName: last,
          state,
          lmsStatus: "deactivated" as const,
          held: true,
          sync: "cannot-sync" as const,
          blockers: [
            { field: "email" as const, message: last },
            { field: "birthDate" as const, message: last },
          ],
          noMobilePhone: true,
          refusal: last,
        }));
        valid(
          caregiverListMessage(
            {
              filter: "all",
              rows,
              page: 2,
              pageCount: 3,
              total: 25,
              counts: { "not-synced": 1, "cannot-sync": 25, deactivated: 25, all: 25 },
            },
            "U1",
            { lms: `${first} (sandbox demo data)`, teletrack: "Spectrum TeleTrack (sandbox demo data)", sandbox: last },
          ),
        );
      }),
      runs,
    );
  });

  it("the learner card and search, with Archive's confirm under 300 characters", () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (first, last, other) => {
        const learner = {
          userId: "1",
          firstName: first,
          lastName: last,
          email: `${other}@example.com`,
          status: "Active",
          affiliation: other,
          organizationName: other,
          employeeType: other,
          dateHire: "2024-01-01",
          trainingManager: true,
          supervisor: true,
        } as CacwtLearner;
        valid(statusChangeMessage(learner, true, other));
        valid(learnerSearchMessage(other, { learners: [learner, learner, learner], more: true } as never, "CACWT"));
      }),
      runs,
    );
  });

  it("a notice keeps the text and cannot be turned into formatting by a name", () => {
    fc.assert(
      fc.property(hostile, (name) => {
        valid(notice(`Nothing changed for ${name}.`));
        const shown = escapeName(name);
        expect(shown).not.toMatch(/[<>*_~`]/);
        expect(shown.replace(/&(amp|lt|gt);/g, "")).not.toContain("&");
      }),
      { numRuns: 200 },
    );
  });

  it("a sentence mentions only whom carebridge means, never whom a name spells", () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const { text, blocks } = slackPayload(notice(`${name} asked; ask ${mention("U0CARE")}.`));
        for (const shown of [text, JSON.stringify(blocks)]) {
          expect(shown).toContain("<@U0CARE>");
          expect(shown.replaceAll("<@U0CARE>", "")).not.toMatch(/<[@!#]/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("no *, _, ~ or ` from a name formats the learner card, the search or a refused file", () => {
    // Names between a snowman and a comet: what the presenter shows between them must hold no formatting character.
    const formatting = fc
      .array(fc.constantFrom("*", "_", "~", "`", "a", " "), { minLength: 1, maxLength: 40 })
      .map((a) => `\u2603${a.join("")}\u2604`);
    fc.assert(
      fc.property(formatting, formatting, (first, last) => {
        const learner = { userId: "1", firstName: first, lastName: last, email: "a@example.com", status: "Active" };
        for (const message of [
          learnerSearchMessage("CACWT", { learners: [learner], more: false } as never, "CACWT"),
          importRefusedMessage(first, [{ message: "it has no email column." }]),
        ]) {
          expect(JSON.stringify(message.blocks)).not.toMatch(/\u2603[^\u2604]*[*_~`][^\u2604]*\u2604/);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("the CSV preview shows the rejected lines it says it shows, and names every unknown column or says how many more", () => {
    for (const columns of [60, 400]) {
      const preview = {
        jobId: "j1",
        uploadId: "u1",
        filename: "learners.csv",
        intent: "import",
        counts: { create: 1, update: 0, archive: 0, reactivate: 0, unchanged: 0, rejected: 1000 },
        createdArchived: 0,
        rejected: Array.from({ length: 1000 }, (_, i) => ({ line: i + 2, problems: ["x".repeat(600), "<&>"] })),
        ignored: [],
        unknownColumns: Array.from({ length: columns }, (_, i) => `Extra column number ${i}`),
        archive: { count: 0, needsSecondApproval: false },
        previousImport: null,
      };
      const message = importPreviewMessage(preview as never, "CACWT");
      valid(message);
      const shown = JSON.stringify(message.blocks);
      expect(shown).toContain("the first 10 of 1000");
      expect(shown.match(/• Line \d+/g)).toHaveLength(10);
      expect(shown).toContain(`${columns} columns are not in the template`);
      const named = shown.match(/Extra column number \d+/g) ?? [];
      const more = /and (\d+) more/.exec(shown);
      expect(named.length + Number(more?.[1] ?? 0)).toBe(columns);
    }
  });

  it("the CSV preview with every list full of hostile names, emails and namesakes, and renames to approve", () => {
    const email = fc.tuple(hostile, hostile).map(([a, b]) => `${a}@${b}`);
    const person = fc.record({ firstName: hostile, lastName: hostile, email, renamedFrom: hostile });
    fc.assert(
      fc.property(
        fc.array(person, { minLength: 5, maxLength: 5 }),
        fc.array(email, { minLength: 5, maxLength: 5 }),
        (people, emails) => {
          const rows = people.map((p, i) => ({ line: i + 2, ...p }));
          const namesakes = rows.map((r) => ({
            ...r,
            existing: emails.map((e) => ({ email: e, status: "Archived" })),
            more: 99999,
          }));
          const renames = {
            count: 12345,
            sample: people.map((p) => `${p.renamedFrom} → ${p.firstName} ${p.lastName}`),
          };
          const preview = {
            jobId: "j1",
            uploadId: "u1",
            filename: people[0]!.firstName,
            intent: "import",
            counts: {
              create: 100000,
              update: 100000,
              archive: 100000,
              reactivate: 100000,
              unchanged: 0,
              rejected: 100000,
            },
            createdArchived: 5,
            renamed: 12345,
            firstRows: { create: rows, update: rows, archive: rows, reactivate: rows },
            namesakes: { count: 100000, first: namesakes },
            rejected: rows.map((r) => ({ ...r, problems: ["x".repeat(600), r.firstName] })),
            fileNotes: [`The file is not UTF-8 ${"é".repeat(600)}`, "Its columns are separated by tabs."],
            ignored: ["1 row fills Password, which is ignored."],
            unknownColumns: people.map((p) => p.lastName),
            archive: {
              description: `rows with Status Archived in ${people[1]!.lastName}`,
              count: 100000,
              sample: people.map((p) => p.firstName),
              activeTotal: 200000,
              threshold: { maxCount: 25, maxShare: 0.1 },
              renames,
              needsSecondApproval: true,
            },
            previousImport: { at: new Date(0), by: "U1" },
          };
          valid(importPreviewMessage(preview as never, "CACWT"));
          const job = { id: "j1", actorSlackId: "U1", status: "awaiting-second-approval", approvedBy: null };
          valid(approvalRequestMessage(job as never, preview.archive as never, "CACWT"));
          valid(approvalRequestMessage(job as never, { ...preview.archive, count: 0, sample: [] } as never, "CACWT"));
        },
      ),
      runs,
    );
  });

  it("the add form shown again with what was typed and five hostile namesakes of many", () => {
    const learner = fc.record({ firstName: hostile, lastName: hostile, email: hostile });
    fc.assert(
      fc.property(hostile, hostile, fc.array(learner, { minLength: 5, maxLength: 5 }), (first, last, found) => {
        const form = {
          firstName: first,
          lastName: last,
          email: `${first}@${last}`,
          affiliation: last,
          county: "Kern",
          dateHire: "2026-11-20",
          trainingManager: true,
          supervisor: true,
        };
        const namesakes = {
          key: "f".repeat(32),
          learners: found.map((l) => ({ ...l, status: "Archived" })),
          total: 123456,
        };
        const view = addLearnerModal("C".repeat(100), "2026-11-20", first, {
          form,
          namesakes: namesakes as never,
        });
        const verdict = checkView(view);
        expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
      }),
      runs,
    );
  });
});
