/** What `/learner template` posts with the empty templates: how to fill them in. */
export function templatesComment(source: string, which: "both" | "archival"): string {
  if (which === "archival") {
    return (
      `The ${source} Community Partner Archival Template: one row per learner to archive (UserID and Email are their email). ` +
      `Uploaded here, it archives every learner it lists that ${source} has, reports the others, and creates no one.`
    );
  }
  return (
    `The ${source} import templates: one row per community partner. UserID and Email are their email, Status is Active ` +
    '(or Archived to archive), Affiliation is California Community Partners, EmployeeType is "<County> County Community Partner", ' +
    "DateHire is the day the account is created (blank means today); leave the other columns blank. " +
    "The archival template (no Status column) archives every learner it lists. Save as CSV UTF-8 and upload it here."
  );
}
