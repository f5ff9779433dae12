/** How an upload's bytes were turned into text. */
export type TextEncodingName = "UTF-8" | "Windows-1252" | "UTF-16LE" | "UTF-16BE";

/**
 * Spreadsheets save text in one of a few ways: "CSV UTF-8" (with or without a BOM), Windows
 * Excel's plain "CSV (Comma delimited)" in Windows-1252, and "Unicode Text" in UTF-16 with a BOM.
 * A file that is not valid UTF-8 is read as Windows-1252: every byte is a character there, and
 * it is what Excel on Windows writes in the United States.
 */
export function encodingOf(chunks: readonly Uint8Array[]): TextEncodingName {
  const first = chunks[0];
  if (first?.[0] === 0xff && first[1] === 0xfe) return "UTF-16LE";
  if (first?.[0] === 0xfe && first[1] === 0xff) return "UTF-16BE";
  // Checked chunk by chunk, so a large file is never held as one string only to be thrown away.
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  try {
    for (const chunk of chunks) utf8.decode(chunk, { stream: true });
    utf8.decode();
    return "UTF-8";
  } catch {
    return "Windows-1252";
  }
}

/** The chunks as text in `encoding`, a piece per chunk (a character split across chunks is kept whole); no BOM. */
export function* decodeChunks(chunks: readonly Uint8Array[], encoding: TextEncodingName): Generator<string> {
  const decoder = new TextDecoder(encoding.toLowerCase());
  for (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  const rest = decoder.decode();
  if (rest !== "") yield rest;
}

/** True when the bytes start with a UTF-16 byte order mark. */
export function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
