import { describe, expect, it } from "vitest";
import type { MatchRecord } from "../../../src/domain/matching";
import { pairCeilings } from "./recallCeiling";

function rec(
  id: string,
  firstName: string,
  lastName: string,
  email: string | null = null,
  phone: string | null = null,
) {
  return { id, firstName, lastName, email, phone } satisfies MatchRecord;
}

function ceilingOf(left: MatchRecord, right: MatchRecord[], partnerId: string) {
  return pairCeilings([left], right, new Map([[left.id, partnerId]]), 3).get(left.id);
}

const member = rec("m", "Mary", "Smith", "mary.smith@carehome.org");

describe("pairCeilings", () => {
  it("reaches a partner whose name no other record has", () => {
    expect(ceilingOf(member, [rec("p", "Mary", "Smith"), rec("x", "Mary", "Smyth")], "p")).toEqual({
      ahead: 0,
      ties: 0,
      reachable: 1,
    });
  });

  it("shares the chance among namesakes nothing tells apart, whatever their phones or free mail", () => {
    const right = [
      rec("p", "Mary", "Smith", null, "555 0100 001"),
      rec("a", "MARY", "Smith", "msmith@gmail.com", "555 0100 002"),
      rec("b", " Mary ", "Smith Jr.", null),
      rec("c", "Mary", "Smith", "mary.s@yahoo.com"),
    ];
    expect(ceilingOf(member, right, "p")).toEqual({ ahead: 0, ties: 3, reachable: 0.75 });
  });

  it("tells apart a namesake with another mailbox at the member's organization", () => {
    const right = [rec("p", "Mary", "Smith"), rec("a", "Mary", "Smith", "mary.smith2@carehome.org")];
    expect(ceilingOf(member, right, "p")).toEqual({ ahead: 0, ties: 0, reachable: 1 });
  });

  it("puts ahead a namesake holding the member's email name where the partner holds nothing", () => {
    const right = [
      rec("p", "Mary", "Smith"),
      rec("a", "Mary", "Smith", "marysmith@gmail.com"),
      rec("b", "Mary", "Smith"),
      rec("c", "Mary", "Smith"),
      rec("d", "Mary", "Smith"),
    ];
    expect(ceilingOf(member, right, "p")).toEqual({ ahead: 1, ties: 3, reachable: 0.5 });
  });

  it("puts ahead records of the member's own name when the partner's is written otherwise", () => {
    const alex = rec("m", "Alex", "Ruiz", "alex.ruiz@carehome.org");
    const right = [rec("p", "Alejandro", "Ruiz"), rec("a", "Alex", "Ruiz"), rec("b", "Álex", "RUIZ")];
    expect(ceilingOf(alex, right, "p")).toEqual({ ahead: 2, ties: 0, reachable: 1 });
    expect(ceilingOf(alex, [...right, rec("c", "Alex", "Ruiz", "aruiz@gmail.com")], "p")?.reachable).toBe(0);
    // Unless the partner's fields say more: a same email outweighs no name.
    expect(ceilingOf(alex, [{ ...right[0]!, email: "alex.ruiz@carehome.org" }, ...right.slice(1)], "p")).toEqual({
      ahead: 0,
      ties: 0,
      reachable: 1,
    });
  });

  it("takes spacing and punctuation as writing, not as another name", () => {
    const obrien = rec("m", "Sean", "O'Brien", "sean.obrien@carehome.org");
    expect(ceilingOf(obrien, [rec("p", "Sean", "O Brien"), rec("a", "Sean", "OBrien")], "p")).toEqual({
      ahead: 0,
      ties: 1,
      reachable: 1,
    });
  });

  it("keeps swapped names apart from the names as written", () => {
    const right = [rec("p", "Smith", "Mary"), rec("a", "Mary", "Smith"), rec("b", "Mary", "Smith")];
    expect(ceilingOf(member, right, "p")?.ahead).toBe(2);
  });
});
