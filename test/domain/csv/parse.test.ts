import { describe, expect, it } from "vitest";
import { CsvInputError, describeCsvProblem } from "../../../src/domain/csv/errors";
import { parseCsvStream, type CsvReadOptions, type CsvRecord } from "../../../src/domain/csv/parse";

type Col = "Name" | "Email" | "Note";
const OPTIONS: CsvReadOptions<Col> = {
  columns: ["Name", "Email", "Note"],
  requiredColumns: ["Name", "Email"],
  aliases: { "E-mail": "Email" },
  maxBytes: 1024 * 1024,
  maxRows: 1000,
};

async function readAll(input: AsyncIterable<Uint8Array | string> | (string | Uint8Array)[], options: Partial<CsvReadOptions<Col>> = {}) {
  const source = Array.isArray(input) ? toAsync(input) : input;
  const doc = await parseCsvStream(source, { ...OPTIONS, ...options });
  const rows: CsvRecord<Col>[] = [];
  for await (const row of doc.rows) rows.push(row);
  return { columns: doc.columns, unknownColumns: doc.unknownColumns, rows };
}

async function* toAsync(chunks: readonly (string | Uint8Array)[]) {
  for (const c of chunks) yield c;
}

async function problemOf(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CsvInputError);
  return err as CsvInputError;
}

describe("parseCsvStream: text forms", () => {
  it("strips the BOM, reads CRLF and matches header names whatever their case and spacing", async () => {
    const { columns, unknownColumns, rows } = await readAll(["\uFEFF name , E MAIL ,Shoe Size\r\nAna,ana@x.org,38\r\n"]);
    expect(columns).toEqual(["Name", "Email"]);
    expect(unknownColumns).toEqual(["Shoe Size"]);
    expect(rows).toEqual([{ line: 2, raw: { Name: "Ana", Email: "ana@x.org" }, extraValues: 0 }]);
  });

  it("accepts an alias spelling of a column", async () => {
    const { columns } = await readAll(["Name,e-mail\nAna,ana@x.org\n"]);
    expect(columns).toEqual(["Name", "Email"]);
  });

  it("reads LF, CRLF and lone CR line ends the same way", async () => {
    for (const eol of ["\n", "\r\n", "\r"]) {
      const { rows } = await readAll([`Name,Email${eol}Ana,a@x.org${eol}Bo,b@x.org`]);
      expect(rows.map((r) => [r.line, r.raw.Name])).toEqual([
        [2, "Ana"],
        [3, "Bo"],
      ]);
    }
  });

  it("keeps quoted commas, doubled quotes and accents whole", async () => {
    const { rows } = await readAll(['Name,Email,Note\n"O\'Neil, Jr.",a@x.org,"say ""hi"""\nNguyễn,b@x.org,\n']);
    expect(rows.map((r) => r.raw)).toEqual([
      { Name: "O'Neil, Jr.", Email: "a@x.org", Note: 'say "hi"' },
      { Name: "Nguyễn", Email: "b@x.org", Note: "" },
    ]);
  });

  it("gives the same rows however the bytes are split into chunks", async () => {
    const text = '\uFEFFName,Email\r\n"O\'Neil, Jr.",a@x.org\r\nNguyễn,"b\r\n@x.org"\r\nCy,c@x.org\r\n';
    const whole = await readAll([text]);
    const bytes = Buffer.from(text, "utf8");
    const single = await readAll(toAsync([...bytes].map((b) => Uint8Array.of(b))));
    expect(single).toEqual(whole);
    expect(whole.rows.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it("numbers lines as an editor shows them when quoted values span lines", async () => {
    const { rows } = await readAll(['Name,Email,Note\nAna,a@x.org,"one\ntwo\nthree"\r\nBo,b@x.org,"x\r\ny"\n\nCy,c@x.org,\n']);
    expect(rows.map((r) => [r.line, r.raw.Name])).toEqual([
      [2, "Ana"],
      [5, "Bo"],
      [8, "Cy"],
    ]);
  });

  it("skips fully empty rows silently but still counts their lines", async () => {
    const { rows } = await readAll(["Name,Email,Note\n,,\nAna,a@x.org,\n  ,\t,\n\nBo,b@x.org,\n,,\n"]);
    expect(rows.map((r) => [r.line, r.raw.Name])).toEqual([
      [3, "Ana"],
      [6, "Bo"],
    ]);
  });

  it("counts non-empty values beyond the header and says how short a short row is", async () => {
    const { rows } = await readAll(["Name,Email,Note\nO'Neil, Jr.,a@x.org,n\nAna,a@x.org,,,\nBo,b@x.org\n"]);
    expect(rows.map((r) => r.extraValues)).toEqual([1, 0, 0]);
    expect(rows[2]).toEqual({ line: 4, raw: { Name: "Bo", Email: "b@x.org" }, extraValues: 0, short: { has: 2, of: 3 } });
  });

  it("ignores trailing header columns without a name when measuring a row", async () => {
    const { rows, unknownColumns } = await readAll(["Name,Email,,,\nAna,a@x.org\nBo,b@x.org,,,\n"]);
    expect(unknownColumns).toEqual([]);
    expect(rows.map((r) => [r.raw, r.short, r.extraValues])).toEqual([
      [{ Name: "Ana", Email: "a@x.org" }, undefined, 0],
      [{ Name: "Bo", Email: "b@x.org" }, undefined, 0],
    ]);
  });

  it("stops handing out rows when the reader stops early", async () => {
    const doc = await parseCsvStream(toAsync(["Name,Email\n", "N,n@x.org\n".repeat(5000)]), { ...OPTIONS, maxRows: Infinity });
    const lines: number[] = [];
    for await (const row of doc.rows) {
      lines.push(row.line);
      if (row.line === 3) break;
    }
    expect(lines).toEqual([2, 3]);
  });

  it("unwraps Excel's =\"…\" text cells, quoted or not", async () => {
    const { rows } = await readAll(['Name,Email,Note\n="Ana",a@x.org,"=""00123"""\n=Bo,b@x.org,="say ""hi"""\n']);
    expect(rows.map((r) => r.raw)).toEqual([
      { Name: "Ana", Email: "a@x.org", Note: "00123" },
      { Name: "=Bo", Email: "b@x.org", Note: 'say "hi"' },
    ]);
  });
});

describe("parseCsvStream: encodings, delimiters and title rows", () => {
  const open = (bytes: Uint8Array) => parseCsvStream(toAsync([bytes]), OPTIONS);

  it("reads a file that is not UTF-8 as Windows-1252 and says so", async () => {
    const doc = await open(Buffer.from([...Buffer.from("Name,Email\r\nPe"), 0xf1, ...Buffer.from("a,p@x.org\r\n")]));
    expect(doc.encoding).toBe("Windows-1252");
    const rows = [];
    for await (const r of doc.rows) rows.push(r.raw.Name);
    expect(rows).toEqual(["Peña"]);
  });

  it("reads UTF-16 text with a BOM, little- and big-endian, tab-separated", async () => {
    const text = "\uFEFFName\tEmail\r\nNguyễn\tn@x.org\r\n";
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [[le, "UTF-16LE"], [be, "UTF-16BE"]] as const) {
      const doc = await open(bytes);
      expect([doc.encoding, doc.delimiter]).toEqual([encoding, "\t"]);
      const rows = [];
      for await (const r of doc.rows) rows.push(r.raw);
      expect(rows).toEqual([{ Name: "Nguyễn", Email: "n@x.org" }]);
    }
  });

  it("finds the header below a title and blank lines, and numbers rows as the file does", async () => {
    const doc = await open(Buffer.from("Learner Import,,\r\n,,\r\n\r\nName;Email;Note\r\nAna;a@x.org;\r\n"));
    expect([doc.headerLine, doc.delimiter]).toEqual([4, ";"]);
    const lines = [];
    for await (const r of doc.rows) lines.push([r.line, r.raw.Name]);
    expect(lines).toEqual([[5, "Ana"]]);
  });

  it("says a header-only file has no rows", async () => {
    const err = await problemOf(readAll(["Title\nName,Email\r\n,,\n"]));
    expect(err.problem).toEqual({ code: "no_rows", headerLine: 2 });
    expect(err.message).toBe("The file has no rows: it stops after its header (line 2); add a row per learner and upload it again.");
  });
});

describe("parseCsvStream: files it refuses, with a sentence", () => {
  it("names the missing required columns before producing any row", async () => {
    const err = await problemOf(readAll(["Name,Note\nAna,x\n"]));
    expect(err.problem).toEqual({ code: "missing_columns", columns: ["Email"] });
    expect(err.message).toBe("The file has no Email column; add it with the template's header names.");
  });

  it("refuses a header that names a column twice", async () => {
    const err = await problemOf(readAll(["Name,Email,EMAIL\n"]));
    expect(err.problem).toEqual({ code: "duplicate_column", column: "Email" });
  });

  it("refuses a first line that is not the template's header", async () => {
    const err = await problemOf(readAll(["Ana,ana@x.org\nBo,b@x.org\n"]));
    expect(err.problem.code).toBe("no_header");
    expect(err.message).toContain("Name, Email");
  });

  it("recognizes a web page, a workbook and binary data", async () => {
    const looksLike = async (chunks: (string | Uint8Array)[]) => {
      const { problem } = await problemOf(readAll(chunks));
      return problem.code === "not_csv" ? problem.looksLike : problem.code;
    };
    expect(await looksLike(["\uFEFF\n  <!DOCTYPE html><html><body>Sign in</body></html>"])).toBe("web page");
    expect(await looksLike([Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)])).toBe("Excel workbook");
    expect(await looksLike(["Name,Email\nAna,a@x.org\n", Uint8Array.of(0x41, 0x00, 0x42)])).toBe("binary file");
    expect(await looksLike([Buffer.from("Name,Email\r\n", "utf16le")])).toBe("binary file");
  });

  it("names what the file looks like with the right article", () => {
    expect(describeCsvProblem({ code: "not_csv", looksLike: "Excel workbook" })).toBe(
      'The file is an Excel workbook, not a CSV; save the spreadsheet as "CSV UTF-8" and upload that file.',
    );
    expect(describeCsvProblem({ code: "not_csv", looksLike: "web page" })).toMatch(/^The file is a web page, not a CSV/);
  });

  it("refuses an empty file", async () => {
    expect((await problemOf(readAll([]))).problem.code).toBe("empty");
    expect((await problemOf(readAll(["\uFEFF \r\n\r\n"]))).problem.code).toBe("empty");
    expect((await problemOf(readAll([",,\n,,\n"]))).problem.code).toBe("empty");
  });

  it("stops reading as soon as the size limit is passed", async () => {
    const chunk = "Ana,a@x.org\n".repeat(100);
    let pulled = 0;
    async function* endless() {
      yield "Name,Email\n";
      for (;;) {
        pulled += 1;
        yield chunk;
      }
    }
    const err = await problemOf(readAll(endless(), { maxBytes: 1024 * 1024, maxRows: Infinity }));
    expect(err.message).toBe("The file is larger than 1 MB; split it into smaller files.");
    // Exactly the chunk that crosses the limit is the last one read.
    expect(pulled).toBe(Math.floor((1024 * 1024 - 11) / chunk.length) + 1);
  });

  it("states size limits in the unit people use", () => {
    const sentence = (maxBytes: number) => describeCsvProblem({ code: "too_large", maxBytes });
    expect(sentence(20 * 1024 * 1024)).toBe("The file is larger than 20 MB; split it into smaller files.");
    expect(sentence(1.5 * 1024 * 1024)).toBe("The file is larger than 1.5 MB; split it into smaller files.");
    expect(sentence(64 * 1024)).toBe("The file is larger than 64 KB; split it into smaller files.");
  });

  it("allows exactly the row limit and refuses one more; empty rows do not count", async () => {
    const rows = (n: number) => ["Name,Email\n", ...Array.from({ length: n }, (_, i) => `N${i},n${i}@x.org\n,,\n`)];
    expect((await readAll(rows(3), { maxRows: 3 })).rows).toHaveLength(3);
    const err = await problemOf(readAll(rows(4), { maxRows: 3 }));
    expect(err.problem).toEqual({ code: "too_many_rows", maxRows: 3 });
    expect(err.message).toBe("The file has more than 3 rows; split it into smaller files.");
  });

  it("reports a quote that is never closed", async () => {
    const err = await problemOf(readAll(['Name,Email\nAna,a@x.org\n"Bo,b@x.org\nCy,c@x.org\n']));
    expect(err.problem).toEqual({ code: "malformed", line: null, reason: "a value opens a quote that is never closed" });
  });

  it("reports a row far too long to be real, with its line", async () => {
    const err = await problemOf(readAll([`Name,Email\nAna,a@x.org\n${"B".repeat(130_000)},b@x.org\n`]));
    expect(err.problem).toMatchObject({ code: "malformed", line: 3 });
    expect(err.message).toMatch(/^The file cannot be read as CSV near line 3: a row is far too long/);
  });
});
