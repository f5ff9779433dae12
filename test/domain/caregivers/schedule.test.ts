import { describe, expect, it } from "vitest";
import { nextRunAfter, parseSchedule, SCHEDULE_FORMS } from "../../../src/domain/caregivers/schedule";

describe("/sync-caregiver schedule: reading the words", () => {
  it("reads each form", () => {
    expect(parseSchedule("")).toEqual({ kind: "show" });
    expect(parseSchedule("off")).toEqual({ kind: "off" });
    expect(parseSchedule("daily 06:00")).toEqual({
      kind: "set",
      cadence: "daily",
      time: "06:00",
      channelId: null,
      timeZone: null,
      quiet: false,
    });
    expect(parseSchedule("daily 6:05 <#C0DIGEST|caregivers> America/Chicago quiet")).toEqual({
      kind: "set",
      cadence: "daily",
      time: "06:05",
      channelId: "C0DIGEST",
      timeZone: "America/Chicago",
      quiet: true,
    });
    expect(parseSchedule("hourly <#C0DIGEST>")).toMatchObject({ cadence: "hourly", time: null, channelId: "C0DIGEST" });
    expect(parseSchedule("daily 23:59 utc")).toMatchObject({ timeZone: "UTC" });
  });

  it("answers bad input with a sentence and the accepted forms", () => {
    for (const [text, why] of [
      ["daily 25:00", '"25:00" is not a time of day'],
      ["daily", '"" is not a time of day'],
      ["weekly 06:00", 'I can\'t read "weekly 06:00"'],
      ["daily 06:00 Mars/Olympus", '"Mars/Olympus" is not a time zone'],
      ["daily 06:00 #general", "Pick the channel from Slack's list"],
      ["hourly quiet", 'I can\'t read "quiet"'],
    ] as const) {
      const parsed = parseSchedule(text);
      expect(parsed.kind).toBe("bad");
      const message = (parsed as { message: string }).message;
      expect(message).toContain(why);
      expect(message).toContain(SCHEDULE_FORMS);
    }
  });
});

describe("when a schedule runs next", () => {
  const chicago = { cadence: "daily", time: "06:00", timeZone: "America/Chicago" } as const;

  it("daily at a wall-clock time in the zone: today if still ahead, else tomorrow", () => {
    expect(nextRunAfter(chicago, new Date("2026-12-04T10:00:00Z")).toISOString()).toBe("2026-12-04T12:00:00.000Z");
    expect(nextRunAfter(chicago, new Date("2026-12-04T12:00:00Z")).toISOString()).toBe("2026-12-05T12:00:00.000Z");
    expect(nextRunAfter(chicago, new Date("2026-12-31T13:00:00Z")).toISOString()).toBe("2027-01-01T12:00:00.000Z");
  });

  it("keeps 06:00 local across daylight saving", () => {
    // Chicago moves to CDT (UTC-5) on 2027-03-14.
    expect(nextRunAfter(chicago, new Date("2027-03-13T13:00:00Z")).toISOString()).toBe("2027-03-14T11:00:00.000Z");
    expect(nextRunAfter({ ...chicago, timeZone: "UTC" }, new Date("2027-03-13T13:00:00Z")).toISOString()).toBe(
      "2027-03-14T06:00:00.000Z",
    );
  });

  it("hourly: the next full hour of the zone", () => {
    const hourly = { cadence: "hourly", time: null } as const;
    expect(nextRunAfter({ ...hourly, timeZone: "UTC" }, new Date("2026-12-04T10:59:59Z")).toISOString()).toBe(
      "2026-12-04T11:00:00.000Z",
    );
    expect(nextRunAfter({ ...hourly, timeZone: "Asia/Kolkata" }, new Date("2026-12-04T10:00:00Z")).toISOString()).toBe(
      "2026-12-04T10:30:00.000Z",
    );
  });
});
