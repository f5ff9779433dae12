import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "../../support/db";
import { ADMIN, runImport, startHarness, type Harness } from "./harness";

describe(`learners through a SCIM 2.0 service, which has no CSV import (${testDatabaseKind})`, () => {
  let h: Harness;
  beforeAll(async () => {
    // One archive among the SCIM service's few active learners is more than 20% of them: the threshold is tested elsewhere.
    h = await startHarness({ LEARNER_LMS: "scim", ARCHIVE_MAX_SHARE: "1" });
  });
  afterAll(async () => {
    await h.close();
  });

  const user = (userName: string) => [...h.sandbox.state.scim.users.values()].find((u) => u.userName === userName);

  it("imports row by row: creates, reactivates and archives", async () => {
    expect(h.providers.learnerLms.capabilities.csvImport).toBe(false);
    const csv = [
      "Email,FirstName,LastName,Status,Affiliation,EmployeeType",
      "new.partner@p.example,Noa,Partner,Active,California Community Partners,Kern County Community Partner",
      "trevor.hughes@valleypartners.example.org,Trevor,Hughes,Active,California Community Partners,San Diego County Community Partner",
      "leilani.kahale@valleypartners.example.org,Leilani,Kahale,Archived,California Community Partners,San Diego County Community Partner",
    ].join("\n");
    const preview = await h.learners.imports.preview(ADMIN, h.file("scim.csv", csv));
    if (!preview.ok) throw new Error(preview.problems[0]?.message);
    expect(preview.preview.counts).toMatchObject({ create: 1, reactivate: 1, archive: 1, rejected: 0 });
    const job = await runImport(h, ADMIN, preview.preview.jobId);
    expect(await h.deps.jobStore.outcomes(job.id)).toEqual({ created: 1, reactivated: 1, archived: 1 });
    expect(user("new.partner@p.example")).toMatchObject({ active: true, userType: "Kern County Community Partner" });
    expect(user("new.partner@p.example")?.password).toMatch(/^.{20}$/);
    expect(user("trevor.hughes@valleypartners.example.org")?.active).toBe(true);
    expect(user("leilani.kahale@valleypartners.example.org")?.active).toBe(false);
  });

  it("archives one learner and reads the status back", async () => {
    const result = await h.learners.one.setStatus(ADMIN, "carmen.flores@hopefoundation.example.org", "Archived");
    expect(result.ok && result.learner.status).toBe("Archived");
    expect(user("carmen.flores@hopefoundation.example.org")?.active).toBe(false);
  });

  it("edits one learner through the SCIM PATCH: a rename and a county, the userName kept", async () => {
    const userName = "leilani.kahale@valleypartners.example.org";
    const opened = await h.learners.edit.form(ADMIN, userName);
    if (!opened.ok) throw new Error(opened.problems[0]?.message);
    expect(opened.form).toMatchObject({ firstName: "Leilani", lastName: "Kahale", county: "San Diego" });
    const saved = await h.learners.edit.save(
      ADMIN,
      userName,
      { ...opened.form, lastName: "Kahale-Ito", county: "Orange" },
      opened.fingerprint,
    );
    expect(saved.ok && saved.renamed).toEqual({ from: "Leilani Kahale", to: "Leilani Kahale-Ito" });
    expect(user(userName)).toMatchObject({
      name: { givenName: "Leilani", familyName: "Kahale-Ito" },
      userType: "Orange County Community Partner",
    });
  });
});
