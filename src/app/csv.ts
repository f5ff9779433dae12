/**
 * CSV as carebridge writes every file it hands people (formulas neutralized), for transports that
 * turn a report into a file.
 */
export { toCsv } from "../domain/csv/write";
