import { describe, expect, it } from "vitest";
import { parseFilter } from "../../../src/providers/sandbox/routes/scim-filter";
import { ENTERPRISE_SCHEMA } from "../../../src/providers/scim/schema";
import { scimPartner, scimUser } from "../contract/fixtures";

const ana = scimUser();
const kim = scimPartner();
const matches = (filter: string) => [ana, kim].filter(parseFilter(filter)).map((u) => u.id);

describe("sandbox SCIM filter", () => {
  it("compares userName without regard to case, externalId exactly", () => {
    expect(matches('userName eq "ANA.LOPEZ@example.com"')).toEqual(["su-1"]);
    expect(matches('externalId eq "CG-1"')).toEqual([]);
    expect(matches('externalId eq "cg-1"')).toEqual(["su-1"]);
  });

  it("reads multi-valued, complex and extension attributes", () => {
    expect(matches('emails.value ew "@partner.example.org"')).toEqual(["sp-1"]);
    expect(matches('name.givenName sw "an"')).toEqual(["su-1"]);
    expect(matches(`${ENTERPRISE_SCHEMA}:organization eq "California Community Partners"`)).toEqual(["sp-1"]);
  });

  it("combines with and, or, not and parentheses, and tests presence", () => {
    expect(matches('active eq true and (userName co "lopez" or userName co "ray")')).toEqual(["su-1", "sp-1"]);
    expect(matches('not (userName co "lopez")')).toEqual(["sp-1"]);
    expect(matches("userType pr")).toEqual(["sp-1"]);
    expect(matches('userName co "ray" and active eq false')).toEqual([]);
  });

  it.each(['userName eq', 'emails[type eq "work"].value eq "x"', 'userName xx "a"', '(userName eq "a"', 'userName eq "a" junk'])(
    "refuses %s as invalidFilter",
    (filter) => {
      expect(() => parseFilter(filter)).toThrow(expect.objectContaining({ status: 400, code: "invalidFilter" }));
    },
  );
});
