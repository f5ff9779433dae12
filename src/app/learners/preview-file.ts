import { createHash } from "node:crypto";
import type { KnownLearner } from "../../domain/learners/learner";
import { previewLearnerCsv, type CsvLimits, type LearnerCsvPreview } from "../../domain/learners/learner-csv";
import { indexLearners, type AcceptedRow } from "../../domain/learners/preview";

export interface FilePreview {
  preview: LearnerCsvPreview;
  /** The rows that passed, in file order: what an import acts on. */
  accepted: AcceptedRow[];
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
  const accepted: AcceptedRow[] = [];
  const preview = await previewLearnerCsv(hashed(), indexLearners(known), limits, (c) => {
    if (c.outcome !== "rejected") accepted.push(c);
  });
  return { preview, accepted, sha256: hash.digest("hex") };
}
