/**
 * `/sync-caregiver schedule …`: the words after `schedule`, and when a schedule runs next.
 * Times are wall-clock times in an IANA zone, so a daily 06:00 stays 06:00 across daylight saving.
 */

import { isTimeZone } from "../time-zone";

export type Cadence = "daily" | "hourly";

export type ScheduleRequest =
  | { kind: "show" }
  | { kind: "off" }
  | {
      kind: "set";
      cadence: Cadence;
      /** "HH:MM", daily only. */
      time: string | null;
      /** A channel id from a `<#C…|name>` mention; none: the channel the command was typed in. */
      channelId: string | null;
      timeZone: string | null;
      quiet: boolean;
    }
  | { kind: "bad"; message: string };

export const SCHEDULE_FORMS =
  "Use `/sync-caregiver schedule daily HH:MM [#channel] [time zone] [quiet]` (e.g. `daily 06:00 #caregivers America/Chicago quiet`), `/sync-caregiver schedule hourly [#channel]`, `/sync-caregiver schedule off`, or `/sync-caregiver schedule` to see it. `quiet` posts a digest on days nothing changed too.";

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const CHANNEL = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;

export function parseSchedule(text: string): ScheduleRequest {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: "show" };
  const [first, ...rest] = words;
  const cadence = first!.toLowerCase();
  if (cadence === "off" && rest.length === 0) return { kind: "off" };
  if (cadence !== "daily" && cadence !== "hourly") return bad(`I can't read "${text.trim()}".`);
  let time: string | null = null;
  if (cadence === "daily") {
    const match = TIME.exec(rest[0] ?? "");
    if (!match) return bad(`"${rest[0] ?? ""}" is not a time of day from 00:00 to 23:59.`);
    time = `${match[1]!.padStart(2, "0")}:${match[2]}`;
    rest.shift();
  }
  let channelId: string | null = null;
  let timeZone: string | null = null;
  let quiet = false;
  for (const word of rest) {
    const channel = CHANNEL.exec(word);
    if (channel && channelId === null) channelId = channel[1]!;
    else if (word.toLowerCase() === "quiet" && cadence === "daily") quiet = true;
    else if (word.includes("/") || word.toUpperCase() === "UTC") {
      if (!isTimeZone(word)) return bad(`"${word}" is not a time zone I know; use a name like America/Chicago or UTC.`);
      timeZone = word.toUpperCase() === "UTC" ? "UTC" : word;
    } else if (word.startsWith("#")) {
      return bad(`Pick the channel from Slack's list (type # and choose it) so that "${word}" becomes a link.`);
    } else return bad(`I can't read "${word}".`);
  }
  return { kind: "set", cadence, time, channelId, timeZone, quiet };
}

function bad(why: string): ScheduleRequest {
  return { kind: "bad", message: `${why} ${SCHEDULE_FORMS}` };
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(at: Date, timeZone: string): WallClock {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

/** The instant a wall-clock time in the zone falls on (in a spring-forward gap, the hour after). */
function instantOf(clock: WallClock, timeZone: string): Date {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
  const offsetAt = (t: number) => {
    const seen = wallClock(new Date(t), timeZone);
    return Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute) - Math.floor(t / 60_000) * 60_000;
  };
  const guess = asUtc - offsetAt(asUtc);
  return new Date(asUtc - offsetAt(guess));
}

/** The first run strictly after `now`. */
export function nextRunAfter(schedule: { cadence: Cadence; time: string | null; timeZone: string }, now: Date): Date {
  const today = wallClock(now, schedule.timeZone);
  if (schedule.cadence === "hourly") {
    return instantOf({ ...today, hour: today.hour + 1, minute: 0 }, schedule.timeZone);
  }
  const [hour, minute] = (schedule.time ?? "00:00").split(":").map(Number) as [number, number];
  for (let days = 0; days < 3; days += 1) {
    const at = instantOf({ ...today, day: today.day + days, hour, minute }, schedule.timeZone);
    if (at.getTime() > now.getTime()) return at;
  }
  throw new Error("no next run within three days");
}
