import type { WorkspaceExportCounts } from "../../app/installations/export";
import { type Message, notice } from "./kit";

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The comment on the export file in the admin's DM: what it holds, and why keep it. */
export function exportComment(counts: WorkspaceExportCounts, retentionDays: number): string {
  return (
    `This workspace's people data as carebridge keeps it: ${plural(counts.people, "person", "people")} ` +
    `(${plural(counts.accounts, "vendor account")}), ${plural(counts.appUsers, "access grant")}, ` +
    `${plural(counts.linkSuggestions + counts.linkIgnores, "link decision")}, ${plural(counts.jobs, "job")} ` +
    `and ${plural(counts.uploads, "upload")}. After carebridge is uninstalled, this is deleted in ${plural(retentionDays, "day")}; the audit stays.`
  );
}

/** Said where `/carebridge export` was typed, once the file is on its way. */
export const exportSentMessage: Message = notice(
  "The workspace's data is in your direct messages with carebridge, as a JSON file.",
);
