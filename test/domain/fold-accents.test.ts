import { describe, expect, it } from "vitest";
import { foldAccents } from "../../src/domain/fold-accents";

describe("foldAccents", () => {
  it.each([
    ["José Álvarez", "jose alvarez"],
    ["Đặng Nguyễn", "dang nguyen"],
    ["Straße Øberg Łukasz", "strasse oberg lukasz"],
    ["Ægir Œuvre Þór", "aegir oeuvre thor"],
    ["O'Brien", "o'brien"],
  ])("%s → %s", (text, folded) => {
    expect(foldAccents(text)).toBe(folded);
  });
});
