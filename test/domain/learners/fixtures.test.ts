import { describe, expect, it } from "vitest";
import type { KnownLearner } from "../../../src/domain/learners/learner";
import { openLearnerCsv, previewLearnerCsv } from "../../../src/domain/learners/learner-csv";
import { createRowClassifier, indexLearners } from "../../../src/domain/learners/preview";
import { newLearnerFrom } from "../../../src/domain/learners/row";
import { openFixture } from "./fixtures";

/** The learners CACWT would have after importing the valid fixture. */
async function importedValidFixture(status: KnownLearner["status"]): Promise<KnownLearner[]> {
  const doc = await openLearnerCsv(openFixture("cacwt_learners_valid.csv"));
  const classify = createRowClassifier(indexLearners([]));
  const learners: KnownLearner[] = [];
  for await (const record of doc.rows) {
    const c = classify(record);
    if (c.outcome !== "create") throw new Error(`line ${c.line}: ${c.outcome}`);
    learners.push({ ...newLearnerFrom(c.row, "2026-11-23"), status });
  }
  return learners;
}

describe("the valid and archival fixtures", () => {
  it("creates all 25 valid learners when CACWT has none", async () => {
    const preview = await previewLearnerCsv(openFixture("cacwt_learners_valid.csv"), indexLearners([]));
    expect(preview.counts).toEqual({ create: 25, update: 0, reactivate: 0, archive: 0, unchanged: 0, rejected: 0 });
    expect(preview.rows.map((r) => r.line)).toEqual(Array.from({ length: 25 }, (_, i) => i + 2));
  });

  it("leaves all 25 unchanged once they are in CACWT", async () => {
    const index = indexLearners(await importedValidFixture("Active"));
    const preview = await previewLearnerCsv(openFixture("cacwt_learners_valid.csv"), index);
    expect(preview.counts).toMatchObject({ unchanged: 25 });
  });

  it("archives the 5 learners of the archival file when they are active", async () => {
    const index = indexLearners(await importedValidFixture("Active"));
    const preview = await previewLearnerCsv(openFixture("cacwt_learners_archive.csv"), index);
    expect(preview.counts).toEqual({ create: 0, update: 0, reactivate: 0, archive: 5, unchanged: 0, rejected: 0 });
    expect(preview.rows.map((r) => r.email)).toEqual([
      "ana.garcia0@partner1.org",
      "fatima.clark5@partner3.org",
      "jose.jones10@partner2.org",
      "eve.khan15@partner1.org",
      "ana.garcia20@partner3.org",
    ]);
  });

  it("leaves them unchanged when they are already archived", async () => {
    const index = indexLearners(await importedValidFixture("Archived"));
    const preview = await previewLearnerCsv(openFixture("cacwt_learners_archive.csv"), index);
    expect(preview.counts).toEqual({ create: 0, update: 0, reactivate: 0, archive: 0, unchanged: 5, rejected: 0 });
  });
});
