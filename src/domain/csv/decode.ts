/** How an upload's bytes were turned into text. */
export type TextEncodingName = "UTF-8" | "Windows-1252" | "UTF-16LE" | "UTF-16BE";

/**
 * Spreadsheets save text in one of a few ways: "CSV UTF-8" (with or without a BOM), Windows
 * Excel's plain "CSV (Comma delimited)" in Windows-1252, and "Unicode Text" in UTF-16 with a BOM.
 * A file that is not valid UTF-8 is read as Windows-1252: every byte is a character there, and
 * it is what Excel on Windows writes in the United States.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}

/** True when the bytes start with a UTF-16 byte order mark. */
export function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
