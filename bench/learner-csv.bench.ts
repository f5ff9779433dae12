/**
 * Preview of a 100,000-row CACWT template file as an upload gets it (src/app/learners/preview-file:
 * hash the bytes, parse, validate, in-file duplicates, compare with 50,000 learners CACWT already
 * has by email and, for the rows it would create, by name (every create here shares its name with
 * hundreds of them: the worst case), keep the accepted rows for the import job), against plain csv-parse streaming of the same file.
 * Run: npx tsx --expose-gc bench/learner-csv.bench.ts
 */
import { once } from "node:events";
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse";
import type { KnownLearner } from "../src/domain/learners/learner";
import { previewFile } from "../src/app/learners/preview-file";
import { DEFAULT_CSV_LIMITS } from "../src/domain/learners/learner-csv";
import { CALIFORNIA_COUNTIES, employeeTypeFor, TEMPLATE_COLUMNS } from "../src/domain/learners/template";

const ROWS = 100_000;
const KNOWN = 50_000;
const RUNS = 5;
const TARGET_MS = 3000;
const TARGET_RSS_MB = 250;

const FIRST = ["Ana", "Luis", "Maria", "John", "Fatima", "Olga", "Tom", "Kim", "Sara", "Jose", "Mia", "Wei", "Nguyễn"];
const LAST = [
  "Garcia",
  "Chen",
  "Moore",
  "Smith",
  "Clark",
  "Nguyen",
  "Martinez",
  "Lewis",
  "Lopez",
  "O'Neil, Jr.",
  "Young",
];

const emailOf = (i: number) =>
  `${FIRST[i % FIRST.length]}.${LAST[i % LAST.length]}${i}@partner${i % 7}.org`
    .toLowerCase()
    .replace(/[^a-z0-9.@]/g, "");
const countyOf = (i: number) => CALIFORNIA_COUNTIES[i % CALIFORNIA_COUNTIES.length] ?? "Riverside";
const dateOf = (i: number) => `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

async function writeTemplateFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${TEMPLATE_COLUMNS.join(",")}\r\n`);
  for (let i = 0; i < ROWS; i++) {
    // About 1% of rows are broken in a way a person would break them, and 1 in 500 repeats an earlier email.
    const email = i % 500 === 499 ? emailOf(i - 250) : i % 100 === 7 ? `broken-address-${i}` : emailOf(i);
    const employeeType = i % 100 === 42 ? `${countyOf(i)} Community Partner` : employeeTypeFor(countyOf(i));
    const date = i % 3 === 0 ? `${(i % 12) + 1}/${(i % 28) + 1}/2025` : dateOf(i);
    const status = i % 50 === 0 ? "Archived" : "Active";
    const cells = [
      email,
      LAST[i % LAST.length] ?? "",
      FIRST[i % FIRST.length] ?? "",
      email,
      "Changeme1!",
      status,
      "California Community Partners",
      "",
      employeeType,
      "",
      "",
      "",
      "",
      date,
      "",
      "",
      "",
    ];
    if (!out.write(`${cells.map(quote).join(",")}\r\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Half of them are in the file (some with another last name or archived), half are not. */
function knownLearners(): KnownLearner[] {
  const learners: KnownLearner[] = [];
  for (let k = 0; k < KNOWN; k++) {
    const i = k % 2 === 0 ? k : ROWS + k;
    learners.push({
      email: emailOf(i),
      status: k % 10 === 4 ? "Archived" : "Active",
      firstName: FIRST[i % FIRST.length] ?? "",
      lastName: k % 20 === 2 ? "Renamed" : (LAST[i % LAST.length] ?? ""),
      affiliation: "California Community Partners",
      employeeType: employeeTypeFor(countyOf(i)),
      dateHire: dateOf(i),
    });
  }
  return learners;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    globalThis.gc?.();
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

const dir = mkdtempSync(join(tmpdir(), "learner-csv-bench-"));
try {
  const file = join(dir, "learners.csv");
  await writeTemplateFile(file);
  const known = knownLearners();
  globalThis.gc?.();

  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 5);
  let counts = "";
  const previewTimes = await timed(RUNS, async () => {
    const { preview, accepted, namesakes } = await previewFile(
      createReadStream(file),
      known,
      DEFAULT_CSV_LIMITS,
      "CACWT",
    );
    sample();
    counts = `${Object.entries(preview.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ", ",
      )}; ${accepted.length} rows kept for the import; ${namesakes.length} creates share a name with a known learner`;
  });
  clearInterval(sampler);

  // Rows as arrays, as the preview parses them (src/domain/csv/parse.ts): objects per row would make the baseline slower.
  const plainTimes = await timed(RUNS, async () => {
    let n = 0;
    for await (const record of createReadStream(file).pipe(parse({ bom: true }))) if (record) n += 1;
    return n;
  });

  const previewMs = median(previewTimes);
  const plainMs = median(plainTimes);
  const mb = (b: number) => Math.round(b / (1024 * 1024));
  const verdict = (ok: boolean) => (ok ? "OK" : "MISS");
  console.log(
    `file: ${ROWS.toLocaleString("en-US")} rows, ${mb(statSync(file).size)} MB; ${KNOWN.toLocaleString("en-US")} learners known; outcomes: ${counts}`,
  );
  console.log(
    `preview: median ${Math.round(previewMs)} ms over ${RUNS} runs (target < ${TARGET_MS} ms) ${verdict(previewMs < TARGET_MS)}`,
  );
  console.log(
    `preview: peak RSS ${mb(peakRss)} MB (target < ${TARGET_RSS_MB} MB) ${verdict(mb(peakRss) < TARGET_RSS_MB)}`,
  );
  console.log(`preview: peak heapUsed ${mb(peakHeap)} MB`);
  console.log(`plain csv-parse: median ${Math.round(plainMs)} ms over ${RUNS} runs`);
  console.log(`preview / plain csv-parse: ${(previewMs / plainMs).toFixed(2)}x`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
