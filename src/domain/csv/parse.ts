import { pipeline, Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { decodeChunks, encodingOf, type TextEncodingName } from "./decode";
import { CsvInputError } from "./errors";
import { guardInput } from "./guard";
import { headerScore, matchHeader, type HeaderSpec } from "./header";

/** Title rows and blank lines above the header are skipped within this many lines. */
export const HEADER_SEARCH_LINES = 10;
const DELIMITERS = [",", ";", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvReadOptions<C extends string> extends HeaderSpec<C> {
  maxBytes: number;
  /** Data rows, not counting the header or skipped empty rows. */
  maxRows: number;
}

export interface CsvRecord<C extends string> {
  /** Line in the file where the row starts, counting any title lines above the header. */
  line: number;
  /**
   * Values of the template columns the file has, untrimmed, with Excel's ="…" text cells
   * unwrapped; a column the file lacks, or that a short row stops before, is absent.
   */
  raw: Partial<Record<C, string>>;
  /** Non-empty values beyond the header's last column: usually an unquoted comma shifted the row. */
  extraValues: number;
  /** Set when the row stops before the header's last named column: how many values it has, of how many. */
  short?: { has: number; of: number };
}

export interface CsvDocument<C extends string> {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  /** The line the header was found on: 1 unless title rows or blank lines come first. */
  headerLine: number;
  columns: C[];
  unknownColumns: string[];
  /**
   * Read once, in file order; reading to the end or breaking out of the loop closes the input.
   * Throws CsvInputError when the file turns out unreadable part-way, or has no rows.
   */
  rows: AsyncIterable<CsvRecord<C>>;
}

/**
 * Opens an uploaded CSV: reads the bytes (checking size and kind as they arrive), decodes them,
 * finds the header and its delimiter among the first lines, matches it to the template and
 * returns the rows as a stream. The whole file is read first, since whether it is UTF-8 is only
 * known at its last byte; the size limit bounds that. File problems throw CsvInputError here,
 * before any row is produced.
 */
export async function parseCsvStream<C extends string>(
  input: AsyncIterable<Uint8Array | string>,
  options: CsvReadOptions<C>,
): Promise<CsvDocument<C>> {
  const chunks: Buffer[] = [];
  for await (const chunk of guardInput(input, options.maxBytes)) chunks.push(chunk);
  const encoding = encodingOf(chunks);
  const pieces = decodeChunks(chunks, encoding);
  // Enough text for the header search: HEADER_SEARCH_LINES lines, or the whole file if shorter.
  let head = "";
  // Not a for-of: leaving one would close the generator, and the rest of the text with it.
  for (let next = pieces.next(); next.done !== true; next = pieces.next()) {
    head += next.value;
    if (lineCount(head) > HEADER_SEARCH_LINES) break;
  }
  const found = findHeader(head, options);
  const { slots, columns, unknownColumns } = matchHeader(found.fields, options, HEADER_SEARCH_LINES);
  // Trailing columns without a name (Excel's leftover formatting) are not part of a row's width.
  let width = found.fields.length;
  while (width > 0 && (found.fields[width - 1] ?? "").trim() === "") width -= 1;

  const parser = parse({
    delimiter: found.delimiter,
    relax_column_count: true,
    // A stray quote inside an unquoted value (O"Neil) is kept as text rather than failing the file.
    relax_quotes: true,
    record_delimiter: ["\r\n", "\r", "\n"],
    // A real row is a few hundred characters; a huge one is a quote left open, swallowing the file.
    max_record_size: 64 * 1024,
  });
  // csv-parse reads bytes: UTF-8 files go to it as uploaded, others as their text in UTF-8.
  function* bytes(): Generator<Buffer> {
    if (encoding === "UTF-8") {
      const first3 = Buffer.concat(chunks.slice(0, 3)).subarray(0, 3);
      const bom = first3[0] === 0xef && first3[1] === 0xbb && first3[2] === 0xbf ? 3 : 0;
      let skip = bom + Buffer.byteLength(head.slice(0, found.rowsFrom), "utf8");
      head = "";
      for (const chunk of chunks) {
        if (skip >= chunk.length) {
          skip -= chunk.length;
          continue;
        }
        yield skip > 0 ? chunk.subarray(skip) : chunk;
        skip = 0;
      }
    } else {
      yield Buffer.from(head.slice(found.rowsFrom), "utf8");
      head = "";
      for (let next = pieces.next(); next.done !== true; next = pieces.next()) yield Buffer.from(next.value, "utf8");
    }
    chunks.length = 0;
  }
  pipeline(Readable.from(bytes()), parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let nextLine = found.line + 1;

  const read = async (): Promise<{ line: number; fields: string[] } | null> => {
    let result: IteratorResult<string[]>;
    try {
      result = await records.next();
    } catch (err) {
      throw err instanceof CsvError ? malformed(err, found.line) : err;
    }
    if (result.done === true) return null;
    const line = nextLine;
    nextLine += 1 + lineBreaks(result.value);
    return { line, fields: result.value };
  };

  async function* rows(): AsyncGenerator<CsvRecord<C>> {
    let count = 0;
    try {
      for (let rec = await read(); rec !== null; rec = await read()) {
        const { fields } = rec;
        if (isBlank(fields)) continue;
        count += 1;
        if (count > options.maxRows) throw new CsvInputError({ code: "too_many_rows", maxRows: options.maxRows });
        const raw: Partial<Record<C, string>> = {};
        let extraValues = 0;
        const end = Math.min(slots.length, fields.length);
        for (let i = 0; i < end; i++) {
          const column = slots[i];
          if (column !== undefined) raw[column] = unwrapExcelText(fields[i] ?? "");
        }
        for (let i = slots.length; i < fields.length; i++) if ((fields[i] ?? "").trim() !== "") extraValues += 1;
        const record: CsvRecord<C> = { line: rec.line, raw, extraValues };
        if (fields.length < width) record.short = { has: fields.length, of: width };
        yield record;
      }
      if (count === 0) throw new CsvInputError({ code: "no_rows", headerLine: found.line });
    } finally {
      parser.destroy();
    }
  }

  return { encoding, delimiter: found.delimiter, headerLine: found.line, columns, unknownColumns, rows: rows() };
}

interface FoundHeader {
  line: number;
  delimiter: Delimiter;
  fields: string[];
  /** Offset in the text where the rows after the header start. */
  rowsFrom: number;
}

/**
 * The header is the line, among the first few, whose values name the most template columns
 * when split by a comma, a semicolon (European Excel) or a tab (Excel's "Unicode Text"). Lines
 * above it are title rows or blank. Without any such line, the first non-blank line is taken
 * as a comma-separated header, so the refusal names what is wrong with it.
 */
function findHeader<C extends string>(text: string, spec: HeaderSpec<C>): FoundHeader {
  let best: (FoundHeader & { score: number }) | null = null;
  let fallback: FoundHeader | null = null;
  let at = 0;
  for (let line = 1; line <= HEADER_SEARCH_LINES && at < text.length; line++) {
    const end = lineEnd(text, at);
    const content = text.slice(at, end);
    const next = end + (text.startsWith("\r\n", end) ? 2 : end < text.length ? 1 : 0);
    if (content.trim() !== "") {
      for (const delimiter of DELIMITERS) {
        const fields = splitLine(content, delimiter);
        const score = headerScore(fields, spec);
        if (score > (best?.score ?? 0)) best = { line, delimiter, fields, rowsFrom: next, score };
      }
      if (fallback === null && splitLine(content, ",").some((f) => f.trim() !== "")) {
        fallback = { line, delimiter: ",", fields: splitLine(content, ","), rowsFrom: next };
      }
    }
    at = next;
  }
  const found = best ?? fallback;
  if (found === null) throw new CsvInputError({ code: "empty" });
  return found;
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** One header line's values; a header has no line breaks inside quotes, so this needs no parser. */
function splitLine(line: string, delimiter: Delimiter): string[] {
  const fields: string[] = [];
  let value = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      value += '"';
      i += 1;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (!quoted && ch === '"' && value.trim() === "") {
      quoted = true;
    } else if (!quoted && ch === delimiter) {
      fields.push(value);
      value = "";
    } else {
      value += ch;
    }
  }
  fields.push(value);
  return fields;
}

function lineCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n += 1;
  }
  return n;
}

/**
 * Excel writes a cell typed as ="00123" (to keep its leading zeros or stop a date conversion) as
 * that formula; the value meant is the text inside the quotes.
 */
function unwrapExcelText(value: string): string {
  if (value.charCodeAt(0) !== 61 || value.charCodeAt(1) !== 34 || value.length < 3 || !value.endsWith('"')) return value;
  return value.slice(2, -1).replaceAll('""', '"');
}

function isBlank(fields: readonly string[]): boolean {
  for (const f of fields) if (f.trim() !== "") return false;
  return true;
}

/** Line breaks inside quoted values; a CRLF counts once, as an editor shows it. */
function lineBreaks(fields: readonly string[]): number {
  let n = 0;
  for (const f of fields) {
    if (f.indexOf("\n") === -1 && f.indexOf("\r") === -1) continue;
    for (let i = 0; i < f.length; i++) {
      const c = f.charCodeAt(i);
      if (c === 10 || (c === 13 && f.charCodeAt(i + 1) !== 10)) n += 1;
    }
  }
  return n;
}

const REASONS: Partial<Record<CsvError["code"], string>> = {
  CSV_QUOTE_NOT_CLOSED: "a value opens a quote that is never closed",
  CSV_MAX_RECORD_SIZE: "a row is far too long, often because of a quote that is never closed",
};

function malformed(err: CsvError, headerLine: number): CsvInputError {
  // csv-parse only notices an unclosed quote at the end of the file, so its line would mislead.
  const line = typeof err["lines"] === "number" && err.code !== "CSV_QUOTE_NOT_CLOSED" ? err["lines"] + headerLine : null;
  return new CsvInputError({ code: "malformed", line, reason: REASONS[err.code] ?? "the text is not valid CSV" });
}
