import type { TextEncodingName } from "../csv/decode";
import { parseCsvStream, type CsvDocument, type Delimiter } from "../csv/parse";
import { classifyRows, type Classified, type LearnerIndex, type Preview } from "./preview";
import { COLUMN_ALIASES, isArchivalLayout, REQUIRED_COLUMNS, TEMPLATE_COLUMNS, type TemplateColumn } from "./template";

export interface CsvLimits {
  maxBytes: number;
  maxRows: number;
}

/** 100,000 rows of the template take about 16 MB. */
export const DEFAULT_CSV_LIMITS: CsvLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 100_000 };

/** Opens an uploaded learner file; throws CsvInputError (with a sentence to show) when it cannot be read. */
export function openLearnerCsv(
  input: AsyncIterable<Uint8Array | string>,
  limits: CsvLimits = DEFAULT_CSV_LIMITS,
): Promise<CsvDocument<TemplateColumn>> {
  return parseCsvStream(input, { columns: TEMPLATE_COLUMNS, requiredColumns: REQUIRED_COLUMNS, aliases: COLUMN_ALIASES, ...limits });
}

/** How the file was read, for the preview to say when it is not the plain case. */
export interface FileForm {
  encoding: TextEncodingName;
  delimiter: Delimiter;
  headerLine: number;
}

export interface LearnerCsvPreview extends Preview {
  /** Header names that are not template columns; their values were not read. */
  unknownColumns: string[];
  form: FileForm;
}

/** The whole preview of an upload: read, validate, find duplicates, compare with the LMS (`lms`, as people name it). */
export async function previewLearnerCsv(
  input: AsyncIterable<Uint8Array | string>,
  index: LearnerIndex,
  limits: CsvLimits = DEFAULT_CSV_LIMITS,
  visit?: (classified: Classified) => void,
  lms?: string,
): Promise<LearnerCsvPreview> {
  const doc = await openLearnerCsv(input, limits);
  const form = { encoding: doc.encoding, delimiter: doc.delimiter, headerLine: doc.headerLine };
  const intent = isArchivalLayout(doc.columns) ? "archive" : "import";
  return { ...(await classifyRows(doc.rows, index, visit, intent, lms)), unknownColumns: doc.unknownColumns, form };
}
