import { describe, expect, it } from "vitest";
import { indexByName, nameKey, namesakesOf } from "../../../src/domain/learners/namesakes";
import { knownLearner } from "./fixtures";

describe("namesakes", () => {
  const index = indexByName([
    knownLearner("ana.garcia@county.gov"),
    knownLearner("agarcia@partner.org", { firstName: "Ána", lastName: "GARCÍA", status: "Archived" }),
    knownLearner("ana@other.org", { firstName: " Ana ", lastName: "Garcia  " }),
    knownLearner("pat@x.org", { firstName: "Pat", lastName: "Kim" }),
    knownLearner("anamaria@x.org", { firstName: "Ana Maria", lastName: "Garcia" }),
  ]);

  it("finds learners with the same name under other emails, ignoring case, accents and spaces", () => {
    const found = namesakesOf(index, { firstName: "ana", lastName: "García", email: "new@x.org" });
    expect(found.total).toBe(3);
    expect(found.shown.map((l) => [l.email, l.status])).toEqual([
      ["agarcia@partner.org", "Archived"],
      ["ana.garcia@county.gov", "Active"],
      ["ana@other.org", "Active"],
    ]);
  });

  it("leaves out the learner with the same email, and other names", () => {
    expect(
      namesakesOf(index, { firstName: "Ana", lastName: "Garcia", email: "ANA.GARCIA@county.gov" }).shown.map(
        (l) => l.email,
      ),
    ).toEqual(["agarcia@partner.org", "ana@other.org"]);
    expect(namesakesOf(index, { firstName: "Pat", lastName: "Kimball", email: "n@x.org" })).toEqual({
      shown: [],
      total: 0,
    });
  });

  it("shows the first few by email and counts them all", () => {
    const found = namesakesOf(index, { firstName: "Ana", lastName: "Garcia", email: "new@x.org" }, 1);
    expect([found.shown.map((l) => l.email), found.total]).toEqual([["agarcia@partner.org"], 3]);
  });

  it("uses the project's one accent-folding rule", () => {
    expect(nameKey("Jürgen  ", "Straße")).toBe(nameKey("jurgen", "strasse"));
    expect(nameKey("", "")).toBe("");
  });
});
