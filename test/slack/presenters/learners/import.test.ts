import { describe, expect, it } from "vitest";
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
