/**
 * CSV the app writes (templates, "Download errors", import logs) is opened by people in Excel,
 * LibreOffice or Google Sheets, so every cell is made inert there (OWASP "CSV Injection").
 */

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"]);
const SKIPPED_BEFORE_TRIGGER = new Set([" ", "\t", "\r", "\n", '"', "'"]);

/**
 * Prefixes a single quote when a spreadsheet could read the cell as a formula: it starts with a
 * tab or carriage return, or its first character after any leading spaces, tabs, line breaks and
 * quote marks is =, +, -, @ (or their full-width forms, which some spreadsheets also accept).
 */
export function neutralizeFormula(value: string): string {
  const first = value[0];
  if (first === undefined) return value;
  if (first === "\t" || first === "\r") return `'${value}`;
  for (const ch of value) {
    if (SKIPPED_BEFORE_TRIGGER.has(ch)) continue;
    return FORMULA_TRIGGERS.has(ch) ? `'${value}` : value;
  }
  return value;
}

/**
 * RFC 4180 text: UTF-8 byte order mark (so Excel reads accented names correctly), CRLF line ends,
 * every cell neutralized and quoted. Quoting every cell, not only those with commas, keeps a
 * separator inside a value from starting a new cell in spreadsheets that split on ";" or tabs.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  let out = "\uFEFF";
  for (const row of rows) {
    out += row.map((cell) => `"${neutralizeFormula(cell).replaceAll('"', '""')}"`).join(",") + "\r\n";
  }
  return out;
}
