import { CsvInputError } from "./errors";

export interface HeaderSpec<C extends string> {
  /** Every column the template knows, spelled as the template spells it. */
  columns: readonly C[];
  /** Columns a file cannot do without. */
  requiredColumns: readonly C[];
  /** Other spellings people use for a column, e.g. { EmploymentType: "EmployeeType" }. */
  aliases?: Readonly<Record<string, C>>;
}

export interface MatchedHeader<C extends string> {
  /** For each position in the file's header: the template column it holds, or undefined. */
  slots: (C | undefined)[];
  /** The template columns found, in the file's order. */
  columns: C[];
  /** Header names that match no template column (their values are not read). */
  unknownColumns: string[];
}

/** Spreadsheet headers drift in case and spacing: " Last Name " and "lastname" both mean LastName. */
function headerKey(name: string): string {
  return name.replace(/\s+/g, "").toLowerCase();
}

function columnsByKey<C extends string>(spec: HeaderSpec<C>): Map<string, C> {
  const byKey = new Map<string, C>(spec.columns.map((c) => [headerKey(c), c]));
  for (const [alias, column] of Object.entries(spec.aliases ?? {})) byKey.set(headerKey(alias), column);
  return byKey;
}

/** How many of a line's values name a template column: the line with most is the header. */
export function headerScore<C extends string>(fields: readonly string[], spec: HeaderSpec<C>): number {
  const byKey = columnsByKey(spec);
  return fields.filter((f) => byKey.has(headerKey(f))).length;
}

export function matchHeader<C extends string>(
  header: readonly string[],
  spec: HeaderSpec<C>,
  linesSearched = 1,
): MatchedHeader<C> {
  const byKey = columnsByKey(spec);

  const slots: (C | undefined)[] = [];
  const columns: C[] = [];
  const unknownColumns: string[] = [];
  for (const name of header) {
    const column = byKey.get(headerKey(name));
    if (column !== undefined && columns.includes(column)) throw new CsvInputError({ code: "duplicate_column", column });
    if (column !== undefined) columns.push(column);
    else if (name.trim() !== "") unknownColumns.push(name.trim());
    slots.push(column);
  }

  if (columns.length === 0) throw new CsvInputError({ code: "no_header", expected: spec.requiredColumns, linesSearched });
  const missing = spec.requiredColumns.filter((c) => !columns.includes(c));
  if (missing.length > 0) throw new CsvInputError({ code: "missing_columns", columns: missing });
  return { slots, columns, unknownColumns };
}
