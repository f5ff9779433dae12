import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralizeFormula, toCsv } from "../../../src/domain/csv/write";

describe("neutralizeFormula (OWASP CSV injection)", () => {
  it.each([
    ["=1+2", "'=1+2"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["\tanything", "'\tanything"],
    ["\ranything", "'\ranything"],
    ["  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0"],
    ['"=1+2', `'"=1+2`],
    ["'=1+2", "''=1+2"],
    ["\n@x", "'\n@x"],
    ["\uFF1D1+2", "'\uFF1D1+2"],
  ])("neutralizes %j", (value, expected) => {
    expect(neutralizeFormula(value)).toBe(expected);
  });

  it.each(["", "Ana", "O'Neil, Jr.", "a=b", "1-2", "ana@x.org", "Nguyễn", "   ", "' quoted"])("leaves %j as it is", (value) => {
    expect(neutralizeFormula(value)).toBe(value);
  });
});

describe("toCsv", () => {
  it("writes a BOM, quotes every cell, doubles quotes and ends lines with CRLF", () => {
    expect(toCsv([["Line", "Name"], ["3", 'O\'Neil, "Jr."']])).toBe('\uFEFF"Line","Name"\r\n"3","O\'Neil, ""Jr."""\r\n');
  });

  it("neutralizes every cell, and a CSV reader gets the inert text back", () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    const text = toCsv([["Line", "FirstName"], ["9", formula], ["10", "a;=1+2\nline two"]]);
    expect(parse(text, { bom: true })).toEqual([
      ["Line", "FirstName"],
      ["9", `'${formula}`],
      ["10", "a;=1+2\nline two"],
    ]);
  });
});
