import { describe, expect, it } from "vitest";
import type { SyncDigest } from "../../src/app/caregivers";
import { missingEmail } from "../../src/domain/caregivers/readiness";
import { decodeValue } from "../../src/slack/presenters/caregivers/ids";
import { caregiverLabels } from "../../src/slack/presenters/caregivers/labels";
import {
  DIGEST_ROWS,
  digestMessage,
  digestNeedsCsv,
  digestRows,
  heldMessage,
} from "../../src/slack/presenters/caregivers/schedule";

const labels = caregiverLabels("careacademy", new Set());

/** Every text object in the blocks, with where it sits. */
function texts(value: unknown, path = ""): Array<{ path: string; text: string }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const own = typeof o.text === "string" ? [{ path, text: o.text }] : [];
    return [
      ...own,
      ...Object.entries(o).flatMap(([k, v]) => (k === "text" && typeof v === "string" ? [] : texts(v, `${path}.${k}`))),
    ];
  }
  return [];
}

function digest(created: number, problems: number): SyncDigest {
  return {
    jobId: "job-1",
    status: "done",
    finishedAt: new Date("2026-12-04T12:00:30Z"),
    scheduled: true,
    changed: {
      created: Array.from({ length: created }, (_, i) => `Ann & <Bo> ${i} ${"x".repeat(i === 0 ? 200 : 0)}`),
      linked: [],
      updated: ["Cy <@U0EVIL>"],
      reactivated: [],
    },
    inactive: 2,
    problems: Array.from({ length: problems }, (_, i) => ({
      caregiverId: `tt-${i}`,
      name: `Dee <!channel> ${i} ${"y".repeat(i === 0 ? 200 : 0)}`,
      reason: i % 2 ? missingEmail("CareAcademy") : "Spectrum TeleTrack no longer has this caregiver.",
      fixable: i % 2 === 1,
    })),
  };
}

describe("the caregiver sync digest in Slack", () => {
  it("escapes names, keeps within Slack's limits, and says what is only in the CSV", () => {
    const d = digest(25, 30);
    const message = digestMessage(d, labels);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    const all = texts(message.blocks);
    for (const { text } of all) expect(text.length).toBeLessThanOrEqual(3000);
    expect(all.reduce((sum, t) => sum + t.text.length, 0)).toBeLessThan(12_000);
    const json = JSON.stringify(message.blocks);
    // Markup lives only in mrkdwn (a button's plain_text and value are shown as they are).
    const mrkdwn = JSON.stringify(all.filter((t) => !t.path.includes("elements")));
    expect(mrkdwn).not.toContain("<Bo>");
    expect(mrkdwn).not.toContain("<@U0EVIL>");
    expect(mrkdwn).not.toContain("<!channel>");
    expect(json).toContain("Ann &amp; &lt;Bo&gt; 1");
    expect(json).toContain("and 5 more (in the CSV)");
    expect(json).toContain(`and ${30 - DIGEST_ROWS} more: every row is in the CSV`);

    const fixes = message.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(fixes).toHaveLength(DIGEST_ROWS / 2); // only the fixable ones (missing email) get Fix
    for (const f of fixes) {
      const button = f as { text: { text: string }; action_id: string; value: string };
      expect(button.action_id).toBe("caregiver.fix");
      expect(button.text.text.length).toBeLessThanOrEqual(75);
      expect(decodeValue(button.value)).toMatchObject({ f: ["email"] });
      expect(decodeValue(button.value)?.u).toBeUndefined();
    }
    const blockIds = message.blocks.flatMap((b) => ("block_id" in b && b.block_id ? [b.block_id] : []));
    expect(new Set(blockIds).size).toBe(blockIds.length);

    expect(digestNeedsCsv(d)).toBe(true);
    const rows = digestRows(d);
    expect(rows).toHaveLength(1 + 25 + 1 + 30);
    expect(rows[0]).toEqual(["What", "Name", "TeleTrack id", "Reason"]);
  });

  it("a short digest needs no CSV; the held-run request stays within limits", () => {
    expect(digestNeedsCsv(digest(3, 2))).toBe(false);
    const held = heldMessage(
      {
        jobId: "job-2",
        mode: "incremental",
        since: "2026-12-04T11:55:00.000Z",
        items: 150,
        upToDate: 10,
        summary: {
          counts: { create: 120, link: 0, update: 20, reactivate: 5, unchanged: 10, "cannot-sync": 5, inactive: 1 },
          reasons: [{ reason: missingEmail("CareAcademy"), count: 5 }],
        },
      },
      145,
      labels,
    );
    expect(held.blocks.length).toBeLessThanOrEqual(50);
    const confirm = held.blocks.flatMap((b) => (b.type === "actions" ? b.elements : []));
    expect(confirm.map((b) => (b as { action_id: string }).action_id)).toContain("caregiver.sync-all.confirm");
    expect(JSON.stringify(held.blocks)).toContain("*145 caregivers*");
  });
});
