/**
 * Identity resolution, Motivity members ↔ Calmanac staff, from 1,000 to 100,000 synthetic
 * people a side (70% the same person written the way another office would write it:
 * nicknames, typos, accents, hyphens, swapped names, other or missing emails; the rest
 * relatives, namesakes and strangers, 3% of them using someone else's mailbox). Prints the
 * time curve, recall (auto-link or top 3) and peak memory per size, beside the recall ceiling
 * (the best any matcher showing 3 could reach on the fields both systems hold, recallCeiling.ts)
 * and recall as a share of it, auto-link precision on 10 seeds, and a straightforward alternative measured in the same run: every pair by
 * fastest-levenshtein on the full names, top 3 per record, on 2,000 and 10,000 a side.
 * Each measurement runs in its own child process, so that its peak resident memory is its own.
 * Run: npm run bench matching   (BENCH_MATCHING_MAX=20000 to stop at a smaller size)
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { distance } from "fastest-levenshtein";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { runInSlices } from "../src/app/slices";
import { resolveIdentities, resolvingIdentities, type MatchOptions, type MatchResult } from "../src/domain/matching";
import { blockedCandidates } from "../src/domain/matching/blocking";
import { prepareRecord, prepareRecords } from "../src/domain/matching/prepare";
import { scorePair, scorePrepared } from "../src/domain/matching/score";
import { pairCeilings } from "../test/domain/matching/recallCeiling";
import { syntheticPeople, type SyntheticSet } from "../test/domain/matching/synthetic";

const SIZES = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];
const BASE_SEED = 20261123;
const SEEDS = Array.from({ length: 10 }, (_, i) => BASE_SEED + i);
const PRECISION_SIZE = 10_000;
const ALTERNATIVE_SIZES = [2_000, 10_000];
const TARGET_RATIO = 12;
const TARGET_RECALL = 0.995;
const TARGET_PEAK_MB = 600;
const OPTIONS: MatchOptions = { kind: "members", suggestScore: 0.75, maxSuggestions: 3 };

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (x: number) => `${(100 * x).toFixed(2)}%`;
const verdict = (ok: boolean) => (ok ? "OK" : "MISS");
const runsFor = (size: number) => (size >= 50_000 ? 3 : 5);
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

interface Measured {
  size: number;
  seed: number;
  medianMs: number;
  runs: number;
  recall: number;
  /** Mean over true pairs of the best chance any matcher has of showing the partner (pairCeilings). */
  ceiling: number;
  /** Missed true pairs with at least as many suggestions scoring as high as the partner as are shown. */
  missedAmongNamesakes: number;
  autoLinks: number;
  wrongAutoLinks: number;
  comparedPairs: number;
  /**
   * Pairs of the blocking's candidates (every record, auto-linked or not) that score at least
   * the suggestion score: work any matcher that suggests them all must do, whatever its blocking.
   */
  suggestablePairs: number;
  /**
   * Pairs of records still open after auto-linking whose score reaches the last suggestion kept
   * for either record (the suggestion score where fewer than 3 are kept): a matcher that gives
   * the same suggestions and counts the same tied namesakes must score each of them, whatever
   * its blocking. `decidingAbove` leaves out the exact ties, which only the counts need.
   */
  decidingPairs: number;
  decidingAbove: number;
  /** One run in slices as the app runs it (runInSlices): its time, and the longest the event loop waited meanwhile. */
  slicedMs: number;
  slicedHeldMs: number;
  peakMb: number;
}

function members(size: number, seed: number): SyntheticSet {
  return syntheticPeople({ kind: "members", size, pairedShare: 0.7, seed });
}

/** The project's matcher on one generated set: median time, recall and precision. */
async function measureMatcher(size: number, seed: number, runs: number): Promise<Measured> {
  const set = members(size, seed);
  const times: number[] = [];
  // One result alive at a time, as in the app: the previous run's is dropped before the next
  // starts, so that the peak is one run's and not two results held at once.
  resolveIdentities(set.left, set.right, OPTIONS);
  let result: MatchResult | undefined;
  for (let run = 0; run < runs; run++) {
    result = undefined;
    gc();
    const start = performance.now();
    result = resolveIdentities(set.left, set.right, OPTIONS);
    times.push(performance.now() - start);
  }
  if (result === undefined) throw new Error("at least one run");
  result = undefined;
  gc();
  const held = monitorEventLoopDelay({ resolution: 5 });
  held.enable();
  const slicedStart = performance.now();
  result = await runInSlices(resolvingIdentities(set.left, set.right, OPTIONS));
  const slicedMs = performance.now() - slicedStart;
  held.disable();
  const autoLinked = new Map(result.autoLinks.map((l) => [l.leftId, l.rightId]));
  const lefts = new Map(set.left.map((r) => [r.id, r]));
  const rights = new Map(set.right.map((r) => [r.id, r]));
  let found = 0;
  let amongNamesakes = 0;
  for (const [leftId, rightId] of set.truePairs) {
    const suggestions = result.suggestionsByLeft.get(leftId) ?? [];
    if (autoLinked.get(leftId) === rightId || suggestions.some((s) => s.rightId === rightId)) {
      found++;
      continue;
    }
    const l = lefts.get(leftId);
    const r = rights.get(rightId);
    const partner = l === undefined || r === undefined ? 0 : scorePair(l, r, OPTIONS.kind).score;
    if (suggestions.length === OPTIONS.maxSuggestions && suggestions.every((s) => s.score >= partner)) amongNamesakes++;
  }
  const wrong = result.autoLinks.filter((l) => set.truePairs.get(l.leftId) !== l.rightId).length;
  const measured = {
    size,
    seed,
    medianMs: median(times),
    runs,
    recall: found / set.truePairs.size,
    missedAmongNamesakes: amongNamesakes / set.truePairs.size,
    autoLinks: result.autoLinks.length,
    wrongAutoLinks: wrong,
    comparedPairs: result.comparedPairs,
    slicedMs,
    slicedHeldMs: held.max / 1e6,
    // Read before the ceiling is computed, which prepares every record again: the peak is the matcher's.
    peakMb: peakMb(),
  };
  const leftBar = lastKeptScores(result.unlinkedLeft, result.suggestionsByLeft);
  const rightBar = lastKeptScores(result.unlinkedRight, result.suggestionsByRight);
  result = undefined;
  const preparedLeft = prepareRecords(set.left);
  const preparedRight = prepareRecords(set.right);
  let suggestablePairs = 0;
  let decidingPairs = 0;
  let decidingAbove = 0;
  const candidates = blockedCandidates(preparedLeft, preparedRight, OPTIONS.kind, (li, ri) => {
    const l = preparedLeft[li];
    const r = preparedRight[ri];
    if (l === undefined || r === undefined) return;
    const { score } = scorePrepared(l, r, OPTIONS.kind, false);
    if (score < OPTIONS.suggestScore) return;
    suggestablePairs++;
    const barL = leftBar.get(l.source.id);
    const barR = rightBar.get(r.source.id);
    if (barL === undefined || barR === undefined) return;
    if (score >= barL || score >= barR) decidingPairs++;
    if (score > barL || score > barR) decidingAbove++;
  });
  Array.from(candidates);
  let reachable = 0;
  for (const c of pairCeilings(set.left, set.right, set.truePairs, OPTIONS.maxSuggestions).values()) {
    reachable += c.reachable;
  }
  return { ...measured, suggestablePairs, decidingPairs, decidingAbove, ceiling: reachable / set.truePairs.size };
}

/** Per record left open, the score a pair must reach to be kept or counted as a tie. */
function lastKeptScores(open: readonly string[], kept: ReadonlyMap<string, readonly { score: number }[]>) {
  return new Map(
    open.map((id) => {
      const list = kept.get(id) ?? [];
      const last = list[OPTIONS.maxSuggestions - 1];
      return [id, last === undefined ? OPTIONS.suggestScore : last.score];
    }),
  );
}

/** Every pair by edit distance of the normalized full names; top 3 per record, ties by position. */
function measureAlternative(size: number, runs: number): Measured {
  const set = members(size, BASE_SEED);
  const name = (r: { firstName: string; lastName: string }) => {
    const p = prepareRecord({ id: "", ...r });
    return `${p.first.tokens.join(" ")} ${p.last.tokens.join(" ")}`;
  };
  const times: number[] = [];
  let top: Map<string, string[]> = new Map();
  for (let run = 0; run < runs; run++) {
    gc();
    const start = performance.now();
    const left = set.left.map(name);
    const right = set.right.map(name);
    top = new Map();
    left.forEach((l, li) => {
      const best: Array<[number, number]> = [];
      right.forEach((r, ri) => {
        const d = distance(l, r);
        if (best.length < 3 || d < (best[2]?.[0] ?? Infinity)) {
          best.push([d, ri]);
          best.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          if (best.length > 3) best.pop();
        }
      });
      top.set(
        set.left[li]?.id ?? "",
        best.map(([, ri]) => set.right[ri]?.id ?? ""),
      );
    });
    times.push(performance.now() - start);
  }
  let found = 0;
  for (const [leftId, rightId] of set.truePairs) if (top.get(leftId)?.includes(rightId)) found++;
  return {
    size,
    seed: BASE_SEED,
    medianMs: median(times),
    runs,
    recall: found / set.truePairs.size,
    ceiling: NaN,
    missedAmongNamesakes: 0,
    autoLinks: 0,
    wrongAutoLinks: 0,
    comparedPairs: size * size,
    suggestablePairs: NaN,
    decidingPairs: NaN,
    decidingAbove: NaN,
    slicedMs: NaN,
    slicedHeldMs: NaN,
    peakMb: peakMb(),
  };
}

/** A count with its growth over the 10k run's, e.g. "484,372 (38.3)". */
function grown(m: Measured, tenK: Measured | undefined, field: "suggestablePairs" | "decidingPairs" | "decidingAbove") {
  const growth = tenK === undefined ? "" : ` (${(m[field] / tenK[field]).toFixed(1)})`;
  return `${m[field].toLocaleString("en-US")}${growth}`;
}

function inChild(args: string[]): Measured {
  const run = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", fileURLToPath(import.meta.url), ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 1 << 20,
  });
  const line = run.stdout.trim().split("\n").pop() ?? "";
  if (run.status !== 0 || !line.startsWith("{")) throw new Error(`child ${args.join(" ")} failed: ${run.stdout}`);
  return JSON.parse(line) as Measured;
}

function parent(): void {
  const max = Number(process.env.BENCH_MATCHING_MAX ?? SIZES[SIZES.length - 1]);
  const sizes = SIZES.filter((s) => s <= max);
  console.log(`machine load (uptime): ${spawnSync("uptime", { encoding: "utf8" }).stdout.trim()}`);
  console.log("matcher, seed " + BASE_SEED + ", each size in a fresh process:");
  console.log(
    "   size a side | median ms (runs) | × 10k time | pairs scored | scoring >= 0.75 (× 10k) | deciding (× 10k) | above the 3rd (× 10k) | recall  | ceiling | of ceiling | missed among namesakes | auto-links (wrong) | peak RSS",
  );
  const curve: Measured[] = [];
  for (const size of sizes) {
    const m = inChild(["matcher", String(size), String(BASE_SEED), String(runsFor(size))]);
    curve.push(m);
    const tenK = curve.find((c) => c.size === 10_000);
    const ratio = tenK === undefined ? "" : (m.medianMs / tenK.medianMs).toFixed(1);
    console.log(
      `   ${m.size.toLocaleString("en-US").padStart(11)} | ${`${Math.round(m.medianMs)} (${m.runs})`.padStart(16)} | ${ratio.padStart(10)} | ${m.comparedPairs.toLocaleString("en-US").padStart(12)} | ${grown(m, tenK, "suggestablePairs").padStart(23)} | ${grown(m, tenK, "decidingPairs").padStart(16)} | ${grown(m, tenK, "decidingAbove").padStart(21)} | ${pct(m.recall)} | ${pct(m.ceiling)} | ${pct(m.recall / m.ceiling).padStart(10)} | ${pct(m.missedAmongNamesakes).padStart(22)} | ${`${m.autoLinks} (${m.wrongAutoLinks})`.padStart(18)} | ${m.peakMb} MB`,
    );
  }

  console.log(
    "matcher in slices, as the app runs it (runInSlices, a turn for the event loop every 20 ms of work), one run:",
  );
  console.log("   size a side | time ms | × the whole run | event loop held at most");
  for (const m of curve) {
    console.log(
      `   ${m.size.toLocaleString("en-US").padStart(11)} | ${String(Math.round(m.slicedMs)).padStart(7)} | ${(m.slicedMs / m.medianMs).toFixed(2).padStart(15)} | ${Math.round(m.slicedHeldMs)} ms (the whole run: ${Math.round(m.medianMs)} ms)`,
    );
  }
  console.log(
    "   (missed among namesakes: the partner scores no higher than each of the 3 shown, others of the same name; the left side has no phone and the right often another or no email, so no field both hold tells them apart)",
  );
  console.log(
    "   (ceiling: the best chance, averaged over true pairs, that any matcher showing 3 shows the partner: namesakes written exactly as the partner and equal in the fields both sides hold share it, and records of the member's own name or with stronger fields come first; an upper bound, as it leaves every other ranking to the matcher; ties fall by id, so recall can exceed it by luck)",
  );

  console.log(
    "   (scoring >= 0.75: the blocking's candidate pairs, over every record, that score at least the suggestion score; a matcher that weighs every pair it could suggest scores at least these, so where they grow faster than the size, so does its time: names come from pools of fixed size, as a region's do, and namesakes grow with the square of the size)",
  );

  console.log(
    "   (deciding: pairs of records left open that score at least the last suggestion kept for one of the two, or the suggestion score where fewer are kept; any matcher giving the same suggestions and the same counts of tied namesakes scores each of them; above the 3rd leaves out the exact ties, which only the counts need. So the scoring work of any such matcher grows at least as they do)",
  );

  const seeds = SEEDS.map((seed) => inChild(["matcher", String(PRECISION_SIZE), String(seed), "1"]));
  const wrong = seeds.reduce((n, m) => n + m.wrongAutoLinks, 0);
  const seedsWithWrong = seeds.filter((m) => m.wrongAutoLinks > 0).length;
  console.log(
    `matcher, ${SEEDS.length} seeds at ${PRECISION_SIZE.toLocaleString("en-US")} a side: ${wrong} wrong auto-links of ${seeds.reduce((n, m) => n + m.autoLinks, 0)}, on ${seedsWithWrong} seeds; recall ${seeds.map((m) => pct(m.recall)).join(" ")}`,
  );

  const alternatives = ALTERNATIVE_SIZES.filter((s) => s <= max).map((size) =>
    inChild(["alternative", String(size), String(BASE_SEED), size >= 10_000 ? "1" : "3"]),
  );
  for (const a of alternatives) {
    const ours = curve.find((c) => c.size === a.size);
    console.log(
      `all pairs by fastest-levenshtein, ${a.size.toLocaleString("en-US")} a side: median ${Math.round(a.medianMs)} ms (${a.runs} runs), recall (top 3) ${pct(a.recall)}, peak RSS ${a.peakMb} MB` +
        (ours === undefined
          ? ""
          : `; the matcher is ${Math.round(a.medianMs / ours.medianMs)}x faster at recall ${pct(ours.recall)}`),
    );
  }

  const tenK = curve.find((c) => c.size === 10_000);
  const largest = curve[curve.length - 1];
  const checks: Array<[string, boolean]> = [
    [`recall >= ${pct(TARGET_RECALL)} at every size (raw)`, curve.every((c) => c.recall >= TARGET_RECALL)],
    [
      `recall >= ${pct(TARGET_RECALL)} of the reachable ceiling at every size`,
      curve.every((c) => c.recall >= TARGET_RECALL * c.ceiling),
    ],
    [
      `auto-link precision 100% on each of ${SEEDS.length} seeds and every size`,
      wrong === 0 && curve.every((c) => c.wrongAutoLinks === 0),
    ],
    [`peak RSS < ${TARGET_PEAK_MB} MB at every size`, curve.every((c) => c.peakMb < TARGET_PEAK_MB)],
  ];
  if (tenK !== undefined && largest !== undefined && largest.size > tenK.size) {
    const ratio = largest.medianMs / tenK.medianMs;
    checks.push([
      `${largest.size.toLocaleString("en-US")} takes ${ratio.toFixed(1)}× the 10k time (target <= ${TARGET_RATIO}×)`,
      ratio <= TARGET_RATIO,
    ]);
  }
  for (const [label, ok] of checks) console.log(`matching: ${label} ${verdict(ok)}`);
  const unreachable = curve.filter((c) => c.ceiling < TARGET_RECALL);
  if (unreachable.length > 0) {
    console.log(
      `matching: the raw target ${pct(TARGET_RECALL)} is out of reach for any matcher showing 3 at ${unreachable.map((c) => `${c.size.toLocaleString("en-US")} (ceiling ${pct(c.ceiling)})`).join(", ")}`,
    );
  }
  console.log(`machine load after (uptime): ${spawnSync("uptime", { encoding: "utf8" }).stdout.trim()}`);
  if (checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

const [mode, size, seed, runs] = process.argv.slice(2);
if (mode === "matcher") console.log(JSON.stringify(await measureMatcher(Number(size), Number(seed), Number(runs))));
else if (mode === "alternative") console.log(JSON.stringify(measureAlternative(Number(size), Number(runs))));
else parent();
