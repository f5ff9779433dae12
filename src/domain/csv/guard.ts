import { isUtf16 } from "./decode";
import { CsvInputError } from "./errors";

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // .xlsx, .ods and .numbers files are zip archives
const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);
const LESS_THAN = 0x3c;

/**
 * Passes the upload through as bytes, stopping as soon as it is too big or is plainly not a CSV
 * text (a workbook, a saved web page, binary data), so a wrong file fails before it is parsed.
 * UTF-16 text with a byte order mark (Excel's "Unicode Text") is text, NUL bytes and all.
 */
export async function* guardInput(
  input: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
): AsyncGenerator<Buffer> {
  let bytes = 0;
  let sawText = false;
  let utf16 = false;
  for await (const chunk of input) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (bytes === 0 && startsWith(buf, 0, ZIP_MAGIC)) throw new CsvInputError({ code: "not_csv", looksLike: "Excel workbook" });
    if (bytes === 0) utf16 = isUtf16(buf);
    const start = bytes === 0 && startsWith(buf, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
    bytes += buf.length;
    if (bytes > maxBytes) throw new CsvInputError({ code: "too_large", maxBytes });
    // Every binary format carries NUL bytes; 8-bit CSV text never does.
    if (!utf16 && buf.includes(0)) throw new CsvInputError({ code: "not_csv", looksLike: "binary file" });
    if (!sawText && utf16) sawText = buf.length > 2;
    else if (!sawText) {
      const first = firstNonWhitespace(buf, start);
      if (first !== undefined) {
        sawText = true;
        if (first === LESS_THAN) throw new CsvInputError({ code: "not_csv", looksLike: "web page" });
      }
    }
    yield buf;
  }
  if (!sawText) throw new CsvInputError({ code: "empty" });
}

function startsWith(buf: Buffer, at: number, bytes: readonly number[]): boolean {
  return bytes.every((b, i) => buf[at + i] === b);
}

function firstNonWhitespace(buf: Buffer, from: number): number | undefined {
  for (let i = from; i < buf.length; i++) {
    const b = buf[i];
    if (b !== undefined && !WHITESPACE.has(b)) return b;
  }
  return undefined;
}
