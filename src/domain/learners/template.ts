import { toCsv } from "../csv/write";

/** The CACWT learner import template, in the vendor's column order (providers.md). */
export const TEMPLATE_COLUMNS = [
  "UserID",
  "LastName",
  "FirstName",
  "Email",
  "Password",
  "Status",
  "Affiliation",
  "OrganizationName",
  "EmployeeType",
  "RTADepartment",
  "RTAJobTitle",
  "RTAJobCode",
  "AreaOfAssignment",
  "DateHire",
  "DateTransfer",
  "UserLevel",
  "AssocLMSID",
] as const;

export type TemplateColumn = (typeof TEMPLATE_COLUMNS)[number];

/** A file must have these columns; the others may be left out (UserID and Status have defaults). */
export const REQUIRED_COLUMNS: readonly TemplateColumn[] = [
  "LastName",
  "FirstName",
  "Email",
  "Affiliation",
  "EmployeeType",
];

/** The vendor's own archival guide calls the column "EmploymentType", so files made from it still match. */
export const COLUMN_ALIASES: Readonly<Record<string, TemplateColumn>> = { EmploymentType: "EmployeeType" };

/**
 * The vendor's "Community Partner Archival Template" tab, spelled as the vendor spells it: a file
 * with these columns and no Status means "archive these learners" (seed 003).
 */
const ARCHIVAL_HEADER = ["UserID", "LastName", "FirstName", "Email", "Affiliation", "EmploymentType"] as const;
const ARCHIVAL_COLUMNS = new Set<TemplateColumn>(["UserID", "LastName", "FirstName", "Email", "Affiliation", "EmployeeType"]);

/**
 * True for a file in the archival layout: exactly the six archival columns (in any order), so no
 * Status. The creation template has all its columns, and a hand-made creation file that leaves
 * Status out (it defaults to Active) rarely has UserID without the others; guessing "archive"
 * for it would be the costly mistake, so anything short of the layout is a creation file.
 */
export function isArchivalLayout(columns: readonly TemplateColumn[]): boolean {
  return columns.length === ARCHIVAL_COLUMNS.size && columns.every((c) => ARCHIVAL_COLUMNS.has(c));
}

export const COMMUNITY_PARTNER_AFFILIATION = "California Community Partners";

export const CALIFORNIA_COUNTIES = [
  "Alameda", "Alpine", "Amador", "Butte", "Calaveras", "Colusa", "Contra Costa", "Del Norte",
  "El Dorado", "Fresno", "Glenn", "Humboldt", "Imperial", "Inyo", "Kern", "Kings", "Lake",
  "Lassen", "Los Angeles", "Madera", "Marin", "Mariposa", "Mendocino", "Merced", "Modoc", "Mono",
  "Monterey", "Napa", "Nevada", "Orange", "Placer", "Plumas", "Riverside", "Sacramento",
  "San Benito", "San Bernardino", "San Diego", "San Francisco", "San Joaquin", "San Luis Obispo",
  "San Mateo", "Santa Barbara", "Santa Clara", "Santa Cruz", "Shasta", "Sierra", "Siskiyou",
  "Solano", "Sonoma", "Stanislaus", "Sutter", "Tehama", "Trinity", "Tulare", "Tuolumne",
  "Ventura", "Yolo", "Yuba",
] as const;

export type County = (typeof CALIFORNIA_COUNTIES)[number];

const COUNTY_BY_KEY = new Map<string, County>(CALIFORNIA_COUNTIES.map((c) => [c.toLowerCase(), c]));
const EMPLOYEE_TYPE_SUFFIX = " county community partner";

/** Case- and spacing-insensitive lookup of a county name ("  los  ANGELES " → "Los Angeles"). */
export function findCounty(name: string): County | null {
  return COUNTY_BY_KEY.get(collapseSpaces(name).toLowerCase()) ?? null;
}

// One string per county, shared by every row that names it: a large file holds 100,000 of them.
const EMPLOYEE_TYPE_OF = new Map<County, string>(CALIFORNIA_COUNTIES.map((c) => [c, `${c} County Community Partner`]));

export function employeeTypeFor(county: County): string {
  return EMPLOYEE_TYPE_OF.get(county) ?? `${county} County Community Partner`;
}

/** The name before "County Community Partner" (any case and spacing), a real county or not; else null. */
export function employeeTypeCountyName(employeeType: string): string | null {
  const text = collapseSpaces(employeeType);
  return text.toLowerCase().endsWith(EMPLOYEE_TYPE_SUFFIX) ? text.slice(0, -EMPLOYEE_TYPE_SUFFIX.length) : null;
}

// Nearly every row spells its employee type with single spaces, so one lookup settles it.
const COUNTY_BY_EMPLOYEE_TYPE = new Map<string, County>(
  CALIFORNIA_COUNTIES.map((c) => [employeeTypeFor(c).toLowerCase(), c]),
);

/** The county named by an employee type such as "riverside county community partner", or null. */
export function countyFromEmployeeType(employeeType: string): County | null {
  const county = COUNTY_BY_EMPLOYEE_TYPE.get(employeeType.trim().toLowerCase());
  if (county !== undefined) return county;
  const name = employeeTypeCountyName(employeeType);
  return name === null ? null : findCounty(name);
}

function collapseSpaces(s: string): string {
  return s.trim().replace(/\s+/g, " ");
}

/**
 * The empty template: the header row only. An example row would be imported as a real learner
 * (and CACWT would email its address) whenever someone forgets to delete it, so none is included;
 * the column rules are explained in the message the template is posted with.
 */
export function templateCsv(variant: "creation" | "archival"): string {
  return toCsv([[...(variant === "creation" ? TEMPLATE_COLUMNS : ARCHIVAL_HEADER)]]);
}
