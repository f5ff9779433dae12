import { describe, expect, it } from "vitest";
import type { BulkPreview } from "../../../src/app/caregivers";
import type { JobReport } from "../../../src/app/jobs";
import { count } from "../../../src/app/plural";
import type { Job } from "../../../src/jobs/types";
import { heldMessage, scheduleMessage } from "../../../src/slack/presenters/caregivers/schedule";
import { previewMessage } from "../../../src/slack/presenters/caregivers/preview";
import { jobReportMessage, outcomeWords } from "../../../src/slack/presenters/job-progress";
import { jobLine } from "../../../src/slack/presenters/jobs";
import { calendarDate, slackDate } from "../../../src/slack/presenters/kit";
import { caregiverCardMessage } from "../../../src/slack/presenters/caregivers/card";

const LABELS = { lms: "SCIM LMS", teletrack: "Spectrum TeleTrack", sandbox: undefined };
const text = (m: { text: string; blocks?: unknown[] }) => `${m.text}\n${JSON.stringify(m.blocks ?? [])}`;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe("numbers and words", () => {
  it("one plural rule: 1 caregiver, 1 service account, 1,200 caregivers, 2 exact matches", () => {
    expect(count(1, "caregiver")).toBe("1 caregiver");
    expect(count(0, "caregiver")).toBe("0 caregivers");
    expect(count(1200, "caregiver")).toBe("1,200 caregivers");
    expect(count(1, "service account")).toBe("1 service account");
    expect(count(2, "exact match", "exact matches")).toBe("2 exact matches");
  });

  it("a moment is a Slack date in the reader's time zone, with UTC (not ISO) where dates can't render", () => {
    const at = new Date("2026-12-04T16:13:09.123Z");
    expect(slackDate(at)).toBe(
      `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} at {time}|2026-12-04 16:13 UTC>`,
    );
    expect(slackDate(at.toISOString())).toBe(slackDate(at));
    expect(slackDate("not a <date>")).toBe("not a &lt;date&gt;");
  });

  it("a calendar date reads as people write it, with no time zone to shift it", () => {
    expect(calendarDate("2027-03-15")).toBe("Mar 15, 2027");
    expect(calendarDate("someday <b>")).toBe("someday &lt;b&gt;");
  });

  it("the job report names outcomes in words, what went wrong last", () => {
    const job = { id: "j1", kind: "caregiver-sync", status: "done", total: 6, processed: 6, failed: 1 } as Job;
    const report: JobReport = {
      job,
      label: "Caregiver sync",
      outcomes: { "cannot-sync": 1, created: 4, unchanged: 1, "weird<&>": 0 },
      failureGroups: [],
      failureRows: [],
    };
    const shown = text(jobReportMessage(report));
    expect(shown).toContain("Created: *4* · Unchanged: *1* · Weird&lt;&amp;&gt;: *0* · Can't sync: *1*");
    expect(shown).not.toContain("cannot-sync");
    expect(outcomeWords("not-found")).toBe("Not found");
  });

  it("caregiver, job and schedule messages carry Slack dates, never ISO strings", () => {
    const since = "2026-12-03T06:00:00.000Z";
    const preview: BulkPreview = {
      jobId: "j1",
      mode: "incremental",
      since,
      items: 1,
      upToDate: 0,
      summary: {
        counts: { create: 1, link: 0, update: 0, reactivate: 0, unchanged: 0, "cannot-sync": 0, inactive: 0 },
        reasons: [],
      },
    };
    const job = { id: "j1", kind: "caregiver-sync", status: "done", total: 1, processed: 1, failed: 0 } as Job;
    const schedule = {
      workspaceId: "T1",
      cadence: "daily",
      time: "06:00",
      timeZone: "America/Chicago",
      channelId: "C1",
      setBy: "U1",
      allQuiet: false,
      nextRunAt: new Date("2026-12-05T12:00:00Z"),
      lastRunAt: new Date("2026-12-04T12:00:00Z"),
      lastJobId: null,
    } as unknown as Parameters<typeof scheduleMessage>[0];
    const shown = [
      text(previewMessage(preview, LABELS)),
      jobLine({ ...job, createdAt: new Date(since) } as Job),
      text(scheduleMessage(schedule)),
    ];
    for (const s of shown) {
      expect(s).toContain("at {time}|");
      expect(s).not.toMatch(ISO);
    }
  });

  it("a held scheduled sync of one caregiver says 1 caregiver", () => {
    const preview = {
      jobId: "j1",
      mode: "incremental",
      since: null,
      items: 1,
      upToDate: 0,
      summary: {
        counts: { create: 1, link: 0, update: 0, reactivate: 0, unchanged: 0, "cannot-sync": 0, inactive: 0 },
        reasons: [],
      },
    } as BulkPreview;
    const shown = text(heldMessage(preview, 1, LABELS));
    expect(shown).toContain("would change *1 caregiver*,");
    expect(shown).toContain("waits for an admin: 1 change.");
  });

  it("the caregiver card shows the training due date as a date, not YYYY-MM-DD", () => {
    const message = caregiverCardMessage(
      {
        caregiver: { id: "tt-1", firstName: "Ana", lastName: "Lopez", state: "OR", status: "active" },
        lms: { id: "u-1", status: "active", trainingDueDate: "2027-03-15", linked: true },
        synced: null,
        pending: [],
        problems: [],
        warnings: [],
        held: false,
        fixFields: [],
        actions: [],
      },
      "U1",
      LABELS,
    );
    expect(text(message)).toContain("Mar 15, 2027");
    expect(text(message)).not.toContain("2027-03-15");
  });
});
