import { describe, expect, it } from "vitest";
import { openLearnerCsv } from "../../../src/domain/learners/learner-csv";
import {
  CALIFORNIA_COUNTIES,
  countyFromEmployeeType,
  employeeTypeFor,
  isArchivalLayout,
  REQUIRED_COLUMNS,
  TEMPLATE_COLUMNS,
  templateCsv,
} from "../../../src/domain/learners/template";
import { chunks, readShared } from "./fixtures";

describe("the CACWT template", () => {
  it("has the columns of the contract, in its order", () => {
    const contract = /Import template columns, in this order[^`]*`([^`]+)`/.exec(readShared("providers.md"));
    expect(contract).not.toBeNull();
    expect(TEMPLATE_COLUMNS).toEqual(contract?.[1]?.split(",").map((c) => c.trim()));
  });

  it("lists the 58 California counties once each", () => {
    expect(CALIFORNIA_COUNTIES).toHaveLength(58);
    expect(new Set(CALIFORNIA_COUNTIES).size).toBe(58);
  });

  it("turns every county into its employee type and back", () => {
    for (const county of CALIFORNIA_COUNTIES) {
      expect(countyFromEmployeeType(employeeTypeFor(county))).toBe(county);
    }
    expect(employeeTypeFor("Riverside")).toBe("Riverside County Community Partner");
  });

  it("reads employee types whatever their case and spacing, and nothing else", () => {
    expect(countyFromEmployeeType("  los  angeles COUNTY   community partner ")).toBe("Los Angeles");
    expect(countyFromEmployeeType("Riverside Community Partner")).toBeNull();
    expect(countyFromEmployeeType("Springfield County Community Partner")).toBeNull();
    expect(countyFromEmployeeType("Riverside County Community Partners")).toBeNull();
    expect(countyFromEmployeeType("County Community Partner")).toBeNull();
  });

  it("offers a creation template with every column and no rows, whose header the importer accepts", async () => {
    const doc = await openLearnerCsv(chunks(templateCsv("creation")));
    expect(doc.columns).toEqual(TEMPLATE_COLUMNS);
    expect(doc.unknownColumns).toEqual([]);
    await expect(noRows(doc.rows)).rejects.toThrow("The file has no rows: it stops after its header (line 1)");
  });

  it("offers the vendor's archival template layout, which reads as an archival file", async () => {
    expect(templateCsv("archival")).toBe('\uFEFF"UserID","LastName","FirstName","Email","Affiliation","EmploymentType"\r\n');
    const doc = await openLearnerCsv(chunks(templateCsv("archival")));
    expect(doc.columns).toEqual(["UserID", "LastName", "FirstName", "Email", "Affiliation", "EmployeeType"]);
    expect(doc.columns).toEqual(expect.arrayContaining([...REQUIRED_COLUMNS]));
    expect(isArchivalLayout(doc.columns)).toBe(true);
    expect(isArchivalLayout(TEMPLATE_COLUMNS)).toBe(false);
    expect(isArchivalLayout(["LastName", "FirstName", "Email", "Status", "Affiliation", "EmployeeType"])).toBe(false);
    await expect(noRows(doc.rows)).rejects.toThrow("The file has no rows");
  });
});

async function noRows(rows: AsyncIterable<{ line: number }>): Promise<void> {
  for await (const row of rows) expect.unreachable(`template has a row on line ${row.line}`);
}
