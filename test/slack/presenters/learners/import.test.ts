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
  const person = (i: number) => ({ line: i + 2, email: `p${i}@x.org`, firstName: `<b>*Ana${i}*`, lastName: "García & Co" });

  it("lists the first people of each kind by name and email, escaped, and says how many more", () => {
    const p = {
      ...preview(1, 0),
      counts: { create: 12, update: 1, archive: 0, reactivate: 0, unchanged: 0, rejected: 0 },
      firstRows: { create: Array.from({ length: 5 }, (_, i) => person(i)), update: [person(20)], archive: [], reactivate: [] },
    } as ImportPreview;
    const message = importPreviewMessage(p, "CACWT");
    const verdict = checkMessage(message as unknown as Record<string, unknown>);
    expect(verdict.ok ? [] : verdict.response_metadata.messages).toEqual([]);
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain("*To create* (the first 5 of 12)");
    expect(shown).toContain("• &lt;b&gt;∗Ana0∗ García &amp; Co — p0@x.org");
    expect(shown).toContain("*To update*\\n• &lt;b&gt;∗Ana20∗");
    expect(shown).not.toContain("To archive");
    const renamed = { ...p, firstRows: { ...p.firstRows!, update: [{ ...person(20), firstName: "Ana", lastName: "Garcia", renamedFrom: "Pat <Kim>" }] } };
    expect(JSON.stringify(importPreviewMessage(renamed, "CACWT").blocks)).toContain("• Pat &lt;Kim&gt; → Ana Garcia — p20@x.org");
    expect(shown).not.toContain("<b>");
  });
});
