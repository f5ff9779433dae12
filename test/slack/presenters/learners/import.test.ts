import { describe, expect, it } from "vitest";
import { checkMessage } from "../../../../src/console/slack-rules";
import type { ImportPreview } from "../../../../src/app/learners/import-preview";
import { importPreviewMessage } from "../../../../src/slack/presenters/learners/import";

function preview(update: number, renamed: number | undefined): ImportPreview {
  return {
    jobId: "j1",
    uploadId: "u1",
    filename: "learners.csv",
    intent: "import",
    counts: { create: 0, update, archive: 0, reactivate: 0, unchanged: 0, rejected: 0 },
    createdArchived: 0,
    renamed,
    rejected: [],
    ignored: [],
    unknownColumns: [],
    archive: { count: 0, needsSecondApproval: false },
    previousImport: null,
  } as unknown as ImportPreview;
}

const headline = (p: ImportPreview) => JSON.stringify(importPreviewMessage(p, "CACWT").blocks[0]);

describe("learner import preview: renames", () => {
  it("counts the updates that change a name apart", () => {
    expect(headline(preview(3, 2))).toContain("Update *3* (2 renames)");
    expect(headline(preview(3, 1))).toContain("Update *3* (1 rename)");
  });

  it("says nothing of renames when there are none or the stored preview predates them", () => {
    expect(headline(preview(3, 0))).toContain("Update *3* ·");
    expect(headline(preview(3, undefined))).toContain("Update *3* ·");
  });
});

describe("learner import preview: who", () => {
  const person = (i: number) => ({
    line: i + 2,
    email: `p${i}@x.org`,
    firstName: `<b>*Ana${i}*`,
    lastName: "García & Co",
  });

  it("lists the first people of each kind by name and email, escaped, and says how many more", () => {
    const p = {
      ...preview(1, 0),
      counts: { create: 12, update: 1, archive: 0, reactivate: 0, unchanged: 0, rejected: 0 },
      firstRows: {
        create: Array.from({ length: 5 }, (_, i) => person(i)),
        update: [person(20)],
        archive: [],
        reactivate: [],
      },
    } as ImportPreview;
    const message = importPreviewMessage(p, "CACWT");
    const verdict = checkMessage(message as unknown as Record<string, unknown>);
    expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain("*To create* (the first 5 of 12)");
    expect(shown).toContain("• &lt;b&gt;∗Ana0∗ García &amp; Co — p0@x.org");
    expect(shown).toContain("*To update*\\n• &lt;b&gt;∗Ana20∗");
    expect(shown).not.toContain("To archive");
    const renamed = {
      ...p,
      firstRows: {
        ...p.firstRows!,
        update: [{ ...person(20), firstName: "Ana", lastName: "Garcia", renamedFrom: "Pat <Kim>" }],
      },
    };
    expect(JSON.stringify(importPreviewMessage(renamed, "CACWT").blocks)).toContain(
      "• Pat &lt;Kim&gt; → Ana Garcia — p20@x.org",
    );
    expect(shown).not.toContain("<b>");
  });
});

describe("learner import preview: namesakes, renames' approval, the changes file", () => {
  const threshold = { maxCount: 25, maxShare: 0.1 };
  const base = {
    ...preview(2, 1),
    counts: { create: 7, update: 2, archive: 0, reactivate: 0, unchanged: 0, rejected: 0 },
    namesakes: {
      count: 7,
      first: [
        {
          line: 4,
          email: "ana.g@new.org",
          firstName: "Ana",
          lastName: "García",
          existing: [
            { email: "ana.garcia@county.gov", status: "Active" },
            { email: "agarcia@partner.org", status: "Archived" },
            { email: "ana@third.org", status: "Active" },
          ],
          more: 2,
        },
      ],
    },
    archive: {
      description: "rows with Status Archived in learners.csv",
      count: 0,
      sample: [],
      activeTotal: 100,
      threshold,
      renames: { count: 1, sample: ["Pat Kim → Ana <Garcia>"] },
      needsSecondApproval: true,
    },
  } as unknown as ImportPreview;
  const shown = (p: ImportPreview) => JSON.stringify(importPreviewMessage(p, "CACWT").blocks);

  it("says which learners to create already have their name in CACWT, with the emails and status", () => {
    const text = shown(base);
    expect(text).toContain("*7 learners to create have names CACWT already has* under other emails (the first 1)");
    expect(text).toContain(
      "• Line 4, ana.g@new.org: 5 learners named Ana García already exist: ana.garcia@county.gov (Active), agarcia@partner.org (Archived), and 3 more",
    );
  });

  it("a rename asks for another admin as a large archive does, naming who becomes whom", () => {
    const message = importPreviewMessage(base, "CACWT");
    const text = JSON.stringify(message.blocks);
    expect(text).toContain(
      ":raised_hand: Importing it renames 1 learner (Pat Kim → Ana &lt;Garcia&gt;): a rename needs another admin's approval before anything changes, as a large archive does.",
    );
    const buttons = message.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])) as Array<{
      text: { text: string };
    }>;
    expect(buttons.map((b) => b.text.text)).toEqual(["Ask for approval", "Cancel", "Download changes"]);
  });

  it("archives over the threshold and renames together are both named", () => {
    const both = { ...base, archive: { ...base.archive, count: 30, sample: ["A B"] } } as ImportPreview;
    expect(shown(both)).toContain(
      "Importing it archives 30 learners: that is more than 25 learners or more than 10% of the 100 active ones, and renames 1 learner (Pat Kim → Ana &lt;Garcia&gt;), so another admin has to approve before anything changes.",
    );
  });

  it("offers the changes file only when something would change", () => {
    const none = {
      ...preview(0, 0),
      counts: { create: 0, update: 0, archive: 0, reactivate: 0, unchanged: 3, rejected: 1 },
      rejected: [{ line: 2, email: "x", problems: ["bad"] }],
    } as unknown as ImportPreview;
    expect(shown(none)).not.toContain("Download changes");
    expect(shown(none)).toContain("Download errors");
  });
});

describe("approval request for an import's renames", () => {
  it("asks the other admins to approve the renames, naming who becomes whom, and nobody to archive", async () => {
    const { approvalRequestMessage } = await import("../../../../src/slack/presenters/learners/archive-bulk");
    const plan = {
      description: "rows with Status Archived in renames.csv",
      count: 0,
      sample: [],
      activeTotal: 9,
      threshold: { maxCount: 25, maxShare: 0.1 },
      renames: { count: 2, sample: ["Paul Schneider → Pablo Schneider", "Pat Kim → Ana *Garcia*"] },
      needsSecondApproval: true,
    };
    const job = { id: "j1", actorSlackId: "U1", status: "awaiting-second-approval", approvedBy: null };
    const message = approvalRequestMessage(job as never, plan, "CACWT");
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain(
      "<@U1> asks to rename *2 learners* in CACWT (Paul Schneider → Pablo Schneider, Pat Kim → Ana ∗Garcia∗): a rename needs another admin's approval, as a large archive does.",
    );
    expect(shown).toContain('"title":{"type":"plain_text","text":"Approve these renames?"}');
    expect(shown).toContain("2 learners will be renamed.");
    expect(shown).not.toContain("archived");
    expect(message.text).toBe("Approval needed: rename 2 learners");
  });
});
