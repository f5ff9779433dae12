import { describe, expect, it } from "vitest";
import {
  describeFilter,
  exceedsArchiveThreshold,
  matchesFilter,
  type ArchiveFilter,
} from "../../../src/domain/learners/archive-filter";
import type { KnownLearner } from "../../../src/domain/learners/learner";
import { knownLearner } from "./fixtures";

const learner = (email: string, changes: Partial<KnownLearner> = {}) =>
  knownLearner(email, { employeeType: "San Diego County Community Partner", dateHire: "2025-06-01", ...changes });

const LEARNERS = [
  learner("a@sdsu.edu"),
  learner("b@SDSU.edu", { status: "Archived" }),
  learner("c@mail.sdsu.edu"),
  learner("d@partner1.org", { employeeType: "riverside county community partner", dateHire: "2024-12-31" }),
  learner("e@sdsu.edu", { affiliation: "Regional Training Academy" }),
  learner("f@sdsu.edu", { dateHire: null }),
];

const selected = (filter: ArchiveFilter) => LEARNERS.filter((l) => matchesFilter(l, filter)).map((l) => l.email);

describe("matchesFilter", () => {
  it("selects by affiliation and status, as the vendor's bulk action does", () => {
    expect(selected({ affiliation: "california community partners ", status: "Active" })).toEqual([
      "a@sdsu.edu",
      "c@mail.sdsu.edu",
      "d@partner1.org",
      "f@sdsu.edu",
    ]);
  });

  it("matches the exact email domain, with or without @, in any case", () => {
    expect(selected({ emailDomain: "@sdsu.edu" })).toEqual(["a@sdsu.edu", "b@SDSU.edu", "e@sdsu.edu", "f@sdsu.edu"]);
    expect(
      selected({ emailDomain: "SDSU.EDU", status: "Active", affiliation: "California Community Partners" }),
    ).toEqual(["a@sdsu.edu", "f@sdsu.edu"]);
  });

  it("selects by county and by hire date strictly before a day, never learners without one", () => {
    expect(selected({ county: "Riverside" })).toEqual(["d@partner1.org"]);
    expect(selected({ hiredBefore: "2025-06-01" })).toEqual(["d@partner1.org"]);
    expect(selected({ hiredBefore: "2025-06-02" })).toEqual([
      "a@sdsu.edu",
      "b@SDSU.edu",
      "c@mail.sdsu.edu",
      "d@partner1.org",
      "e@sdsu.edu",
    ]);
  });

  it("selects everyone when the filter is empty", () => {
    expect(selected({})).toHaveLength(LEARNERS.length);
  });
});

describe("describeFilter", () => {
  it("says the filter in words", () => {
    expect(
      describeFilter({
        status: "Active",
        affiliation: "California Community Partners",
        emailDomain: "@SDSU.edu",
        county: "San Diego",
        hiredBefore: "2025-01-01",
      }),
    ).toBe(
      "Active learners with affiliation California Community Partners, with an email address at @sdsu.edu, in San Diego County, hired before 2025-01-01",
    );
    expect(describeFilter({ emailDomain: "sdsu.edu" })).toBe("All learners with an email address at @sdsu.edu");
    expect(describeFilter({})).toBe("All learners");
  });
});

describe("exceedsArchiveThreshold", () => {
  it("needs a second confirmation above 100 learners or above 20% of the active ones", () => {
    expect(exceedsArchiveThreshold(100, 10_000)).toBe(false);
    expect(exceedsArchiveThreshold(101, 10_000)).toBe(true);
    expect(exceedsArchiveThreshold(20, 100)).toBe(false);
    expect(exceedsArchiveThreshold(21, 100)).toBe(true);
    expect(exceedsArchiveThreshold(1, 0)).toBe(true);
  });

  it("uses the thresholds it is given", () => {
    expect(exceedsArchiveThreshold(30, 1000, { maxCount: 25, maxShare: 1 })).toBe(true);
    expect(exceedsArchiveThreshold(30, 100, { maxCount: 1000, maxShare: 0.5 })).toBe(false);
  });
});

describe("matchesFilter by organization and name", () => {
  const people = [
    {
      ...learner("ana@x.org", { firstName: "Ana María", lastName: "García-López" }),
      organizationName: "Riverside County DPSS",
    },
    { ...learner("pat@x.org", { firstName: "Pat", lastName: "O'Neil" }), organizationName: null },
    { ...learner("anab@x.org", { firstName: "Anabel", lastName: "Kim" }), organizationName: "Hope Foundation" },
  ];
  const chosen = (filter: ArchiveFilter) => people.filter((l) => matchesFilter(l, filter)).map((l) => l.email);

  it("organization: text the name contains, in any case and accents; none never matches", () => {
    expect(chosen({ organization: "dpss" })).toEqual(["ana@x.org"]);
    expect(chosen({ organization: "HOPE found" })).toEqual(["anab@x.org"]);
    expect(chosen({ organization: "county" })).toEqual(["ana@x.org"]);
    expect(chosen({ organization: "x" })).toEqual([]);
  });

  it("name: every word starts a part of the name, ignoring case and accents", () => {
    expect(chosen({ name: "ana" })).toEqual(["ana@x.org", "anab@x.org"]);
    expect(chosen({ name: "ana garc" })).toEqual(["ana@x.org"]);
    expect(chosen({ name: "maria lopez" })).toEqual(["ana@x.org"]);
    expect(chosen({ name: "neil" })).toEqual(["pat@x.org"]);
    expect(chosen({ name: "kim anabel" })).toEqual(["anab@x.org"]);
    expect(chosen({ name: "nabel" })).toEqual([]);
  });

  it("describes both", () => {
    expect(describeFilter({ status: "Active", organization: "DPSS", name: "ana gar" })).toBe(
      'Active learners whose organization name contains "DPSS", named "ana gar"',
    );
  });
});
