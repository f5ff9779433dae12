import { createHash } from "node:crypto";
import type { KnownLearner } from "../../domain/learners/learner";
import { previewLearnerCsv, type CsvLimits, type LearnerCsvPreview } from "../../domain/learners/learner-csv";
import { indexByName, namesakesOf } from "../../domain/learners/namesakes";
import { indexLearners, type AcceptedRow } from "../../domain/learners/preview";
import type { LearnerRow } from "../../domain/learners/row";

/** A learner the file would create whose name the LMS already has under other emails. */
export interface NewNamesake<L extends KnownLearner = KnownLearner> {
  row: LearnerRow;
  /** The first few of them, by email. */
  existing: L[];
  /** How many in all. */
  total: number;
}

/** Of a name's learners, the preview keeps this many: a common name may have hundreds. */
export const NAMESAKES_KEPT = 5;

export interface FilePreview<L extends KnownLearner = KnownLearner> {
  preview: LearnerCsvPreview;
  /**
   * The rows that passed, normalized, in file order, each with what importing it would do: what
   * an import acts on. Only these are kept of the file, for memory.
   */
  accepted: AcceptedRow[];
  /** The creates whose name the LMS already has under another email, in file order. */
  namesakes: NewNamesake<L>[];
  /** Of the bytes as uploaded: the same file uploaded again has the same hash. */
  sha256: string;
}

/**
 * The whole preview of an uploaded file, read once as it streams in: hash the bytes, parse,
 * validate, find duplicates, compare with the learners the LMS (`lms`, as people name it) has, by email and, for the learners
 * it would create, by name. Throws CsvInputError when the file cannot be read as the template.
 */
export async function previewFile<L extends KnownLearner>(
  source: AsyncIterable<Uint8Array>,
  known: readonly L[],
  limits: CsvLimits,
  lms: string,
): Promise<FilePreview<L>> {
  const hash = createHash("sha256");
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const accepted: AcceptedRow[] = [];
  const namesakes: NewNamesake<L>[] = [];
  const byName = indexByName(known);
  const preview = await previewLearnerCsv(
    hashed(),
    indexLearners(known),
    limits,
    (c) => {
      if (c.outcome === "rejected") return;
      accepted.push(c);
      if (c.outcome !== "create") return;
      const { shown, total } = namesakesOf(byName, c.row, NAMESAKES_KEPT);
      if (total > 0) namesakes.push({ row: c.row, existing: shown, total });
    },
    lms,
  );
  return { preview, accepted, namesakes, sha256: hash.digest("hex") };
}
