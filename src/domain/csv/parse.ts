import { pipeline, Readable } from "node:stream";
import { CsvError, parse } from "csv-parse";
import { CsvInputError } from "./errors";
import { guardInput } from "./guard";
import { matchHeader, type HeaderSpec, type MatchedHeader } from "./header";

export interface CsvReadOptions<C extends string> extends HeaderSpec<C> {
  maxBytes: number;
  /** Data rows, not counting the header or skipped empty rows. */
  maxRows: number;
}

export interface CsvRecord<C extends string> {
  /** Line in the file where the row starts; the header is line 1. */
  line: number;
  /** Values of the template columns the file has, untrimmed ("" where a short row ends early); a column the file lacks is absent. */
  raw: Partial<Record<C, string>>;
  /** Non-empty values beyond the header's last column: usually an unquoted comma shifted the row. */
  extraValues: number;
}

export interface CsvDocument<C extends string> {
  columns: C[];
  unknownColumns: string[];
  /**
   * Read once, in file order; reading to the end or breaking out of the loop closes the input.
   * Throws CsvInputError when the file turns out unreadable part-way.
   */
  rows: AsyncIterable<CsvRecord<C>>;
}

/**
 * Opens an uploaded CSV: reads up to the header, matches it to the template and returns the rows
 * as a stream. Header problems throw CsvInputError here, before any row is produced.
 */
export async function parseCsvStream<C extends string>(
  input: AsyncIterable<Uint8Array | string>,
  options: CsvReadOptions<C>,
): Promise<CsvDocument<C>> {
  const parser = parse({
    bom: true,
    relax_column_count: true,
    // A stray quote inside an unquoted value (O"Neil) is kept as text rather than failing the file.
    relax_quotes: true,
    record_delimiter: ["\r\n", "\r", "\n"],
    // A real row is a few hundred characters; a huge one is a quote left open, swallowing the file.
    max_record_size: 64 * 1024,
  });
  // Errors from the input side reach the consumer through the parser's iterator.
  pipeline(Readable.from(guardInput(input, options.maxBytes)), parser, () => {});
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let nextLine = 1;

  const read = async (): Promise<{ line: number; fields: string[] } | null> => {
    let result: IteratorResult<string[]>;
    try {
      result = await records.next();
    } catch (err) {
      throw err instanceof CsvError ? malformed(err) : err;
    }
    if (result.done === true) return null;
    const line = nextLine;
    nextLine += 1 + lineBreaks(result.value);
    return { line, fields: result.value };
  };

  const readHeader = async (): Promise<MatchedHeader<C>> => {
    for (let rec = await read(); rec !== null; rec = await read()) {
      if (!isBlank(rec.fields)) return matchHeader(rec.fields, options);
    }
    throw new CsvInputError({ code: "empty" });
  };
  let header: MatchedHeader<C>;
  try {
    header = await readHeader();
  } catch (err) {
    parser.destroy();
    throw err;
  }
  const { slots, columns, unknownColumns } = header;

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
        for (let i = 0; i < slots.length; i++) {
          const column = slots[i];
          if (column !== undefined) raw[column] = fields[i] ?? "";
        }
        for (let i = slots.length; i < fields.length; i++) if ((fields[i] ?? "").trim() !== "") extraValues += 1;
        yield { line: rec.line, raw, extraValues };
      }
    } finally {
      parser.destroy();
    }
  }

  return { columns, unknownColumns, rows: rows() };
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

function malformed(err: CsvError): CsvInputError {
  // csv-parse only notices an unclosed quote at the end of the file, so its line would mislead.
  const line = typeof err["lines"] === "number" && err.code !== "CSV_QUOTE_NOT_CLOSED" ? err["lines"] : null;
  return new CsvInputError({ code: "malformed", line, reason: REASONS[err.code] ?? "the text is not valid CSV" });
}
