import { createHash } from "node:crypto";
import type { KnownLearner } from "../../domain/learners/learner";
import { previewLearnerCsv, type CsvLimits, type LearnerCsvPreview } from "../../domain/learners/learner-csv";
import { indexLearners } from "../../domain/learners/preview";
import type { LearnerRow } from "../../domain/learners/row";

export interface FilePreview {
  preview: LearnerCsvPreview;
  /** The rows that passed, normalized, in file order: what an import acts on. Only the rows are kept, for memory. */
  accepted: LearnerRow[];
  /** Of the bytes as uploaded: the same file uploaded again has the same hash. */
  sha256: string;
}

/**
 * The whole preview of an uploaded file, read once as it streams in: hash the bytes, parse,
 * validate, find duplicates, compare with the learners CACWT has. Throws CsvInputError when the
 * file cannot be read as the template.
 */
export async function previewFile(
  source: AsyncIterable<Uint8Array>,
  known: Iterable<KnownLearner>,
  limits: CsvLimits,
): Promise<FilePreview> {
  const hash = createHash("sha256");
  async function* hashed(): AsyncGenerator<Uint8Array> {
    for await (const chunk of source) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const accepted: LearnerRow[] = [];
  const preview = await previewLearnerCsv(hashed(), indexLearners(known), limits, (c) => {
    if (c.outcome !== "rejected") accepted.push(c.row);
  });
  return { preview, accepted, sha256: hash.digest("hex") };
}
