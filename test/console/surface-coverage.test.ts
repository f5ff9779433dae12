import { App } from "@slack/bolt";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { runScript, type Step, TOUR } from "../../src/console/tour";
import type { RunningConsole } from "../../src/console/start";
import { consoleForFile } from "../support/console";

/**
 * Every surface the Bolt app registers — command, action_id, view callback_id, event — is reached
 * from the console by a scripted session and answered: its listener runs to the end without
 * throwing. A new surface with no console path fails here until a step reaches it.
 */
const registered = new Map<string, { ran: number; failed: unknown[] }>();

function keyOf(kind: string, constraint: unknown): string {
  if (typeof constraint === "string") return `${kind} ${constraint}`;
  if (constraint instanceof RegExp) return `${kind} /${constraint.source}/`;
  const c = constraint as Record<string, unknown>;
  const id = c.callback_id ?? c.action_id ?? c.type;
  return `${kind} ${id instanceof RegExp ? `/${id.source}/` : String(id)}`;
}

// Registration is wrapped before the console creates its App: each listener counts its runs.
for (const kind of ["command", "action", "view", "event", "options", "shortcut"] as const) {
  const original = App.prototype[kind] as (...args: unknown[]) => unknown;
  vi.spyOn(App.prototype, kind).mockImplementation(function (this: App, ...args: unknown[]) {
    const [constraint, ...listeners] = args;
    const key = keyOf(kind, constraint);
    const record = { ran: 0, failed: [] as unknown[] };
    registered.set(key, record);
    const last = listeners.length - 1;
    const wrapped = listeners.map((listener, i) =>
      i !== last
        ? listener
        : async (listenerArgs: unknown) => {
            try {
              await (listener as (a: unknown) => Promise<unknown>)(listenerArgs);
              record.ran += 1;
            } catch (error) {
              record.failed.push(error);
              throw error;
            }
          },
    );
    return original.call(this, constraint, ...wrapped);
  } as never);
}

/**
 * Surfaces the console cannot reach, each with why (none today); one that starts being reached
 * must leave this list, and a new surface must be reached or listed here.
 */
const UNREACHED: Record<string, string> = {};

const FIXTURES = join(import.meta.dirname, "../../../shared/fixtures");

/** After the tour: every other button and form, by label, as a person would find them. */
const STEPS: Step[] = [
  { type: "/caregiver" },
  { press: /^All \(\d+\)$/ },
  { press: /^Next$/ },
  { press: /^Previous$/ },
  { press: /^Card$/ },
  { press: /^Sign in to / },
  { type: "home" },
  { press: /^Sign in to / },
  { type: "/caregiver tt-1007" },
  { press: /^Activate in /, answers: ["y"] },
  { type: "/caregiver james carter" },
  { press: /^Reactivate$/, answers: ["y"] },
  { type: "/caregiver tt-1004" },
  // The missing birth date first, then the fields TeleTrack has (kept as shown), then Submit.
  { press: /^Fix/, answers: ["1985-04-01", "", "", "y"] },
  { type: "/caregiver ma" },
  { press: /Maria|Marisol/ },
  { type: "/sync-caregiver all" },
  { press: /^Cancel$/ },
  ...TOUR,
  { press: /^Deactivate$/, answers: ["y"] },
  { press: /^Retry \d+ failed$/ },
  { type: "/caregiver tt-1004" },
  { press: /sync/i },
  { type: "/link members" },
  { press: /^Not a match$/, answers: ["y"] },
  { press: /^Undo$/, answers: ["y"] },
  { press: /^Ignore$/, answers: ["y"] },
  { press: /^Ignored \(\d+\)$/ },
  { press: /^(Unignore|Stop ignoring)/, answers: ["y"] },
  { press: /^Linked \(\d+\)$/ },
  { press: /^Unlink/, answers: ["y"] },
  { press: /^Not linked \(\d+\)$/ },
  { type: "home" },
  { press: /^Review members/ },
  { type: "/link learners" },
  { press: /^Undo (this link|these links)$/, answers: ["y"] },
  { press: /^\+ Create in Motivity$/, unconfirmed: true, answers: ["", "", "", "", "", "y"] },
  { press: /^Find in Calmanac…$/, answers: ["Alex", "1", "y"] },
  { press: /^Linked \(\d+\)$/ },
  { press: /^Change alias$/, answers: ["AT-099", "y"] },
  {
    type: "/learner add",
    answers: ["Rachel", "Adams", "rachel.adams@hopefoundation.example.org", "", "33", "", "", "y", "y"],
  },
  { type: "/learner jmorales@dpss.example.gov" },
  { press: /^Archive$/, answers: ["y"] },
  { type: "/learner derek.nguyen@hopefoundation.example.org" },
  // Edit: the form filled in; the last name changed (a rename), the rest kept as shown.
  { press: /^Edit$/, answers: ["", "Nguyen-Park", "", "", "", "", "", "y"] },
  { press: /^Reactivate$/, answers: ["y"] },
  { type: `upload ${join(FIXTURES, "cacwt_learners_messy.csv")}` },
  { press: /^Download errors$/ },
  { press: /^Download changes$/ },
  { press: /^Cancel$/ },
  { type: `upload ${join(FIXTURES, "cacwt_learners_valid.csv")}` },
  { press: /^Import/, answers: ["y"] },
  { type: "/learner archive-bulk", answers: ["", "", "", "hopefoundation.example.org", "", "", "", "y"] },
  { press: /^Ask for approval$/, answers: ["y"] },
  { type: "as U0ADMIN2" },
  { press: /^Reject/, answers: ["y"] },
  { type: "as UCONSOLE" },
  { type: "/learner archive-bulk", answers: ["", "", "", "hopefoundation.example.org", "", "", "", "y"] },
  { press: /^Ask for approval$/, answers: ["y"] },
  { type: "as U0ADMIN2" },
  { press: /^Approve/, answers: ["y"] },
  { type: "as UCONSOLE" },
  { press: /^Reactivate all/, answers: ["y"] },
  { type: "/learner archive-bulk", answers: ["", "", "", "", "", "", "", "y"] },
  { press: /^Leave out$/ },
  { press: /^Put back$/ },
  { press: /^Next$/ },
  { press: /^Previous$/ },
  { press: /^Cancel$/ },
  { type: "/learner archive-bulk", answers: ["", "", "", "partner3.org", "", "", "maria", "y"] },
  { press: /^Cancel$/ },
  { type: "/carebridge audit" },
  { press: /^(Next|Older)/ },
  { press: /^(Previous|Newer)/ },
  { press: /^Export/ },
  { type: "/carebridge settings", answers: ["", "", "", "", "", "", "", "y"] },
  { type: "/carebridge vendors" },
  { press: /^Set CareAcademy account$/, answers: ["http://127.0.0.1:9/", "ca-key-1234", "", "y"] },
  { type: "/carebridge export" },
  { type: "/carebridge help" },
  { type: "home" },
];

/**
 * What an office does outside Slack meanwhile, played on the sandbox: a caregiver's phone changes
 * in TeleTrack, the agency grows past a page of users, and more people than a page get access.
 */
const PEOPLE = Array.from({ length: 51 }, (_, i) => `U0PERSON${String(i).padStart(2, "0")}`);
const AFTER_THE_OFFICE: Step[] = [
  { type: "/caregiver tt-1001" },
  { press: /^Sync changes$/, answers: ["y"] },
  { type: "/agency-user list Sacramento" },
  { press: /^Next/ },
  { press: /^Previous/ },
  ...PEOPLE.map((id) => ({ type: `/carebridge access grant <@${id}> viewer` })),
  { type: "/carebridge access list" },
  { press: /^Next/ },
  { press: /^Previous/ },
];

function officeWorks(running: RunningConsole): void {
  const state = running.runtime.sandbox!.state;
  const maria = state.teletrack.caregivers.get("tt-1001")!;
  Object.assign(maria, { mobilePhone: "+1 916 555 0199", updatedAt: new Date().toISOString() });
  const [template] = state.caresmartz.agencyUsers.values();
  for (let i = 0; i < 21; i += 1) {
    const id = `cs-u-9${String(i).padStart(2, "0")}`;
    state.caresmartz.agencyUsers.set(id, { ...template!, id, username: `temp.${i}`, officeId: "of-sac" });
  }
  PEOPLE.forEach((id, i) =>
    running.slack.addUser({ id, name: `p${i}`, realName: `Person ${i}`, email: `p${i}@carebridge.example` }),
  );
}

describe("every Slack surface carebridge registers is reachable from the console", () => {
  const { printed, answers, running } = consoleForFile();

  it("reaches and answers each one by a scripted console session", async () => {
    const options = {
      print: (line: string) => printed.push(line),
      answer: (next: string[]) => answers.splice(0, answers.length, ...next),
      delayMs: 0,
    };
    await runScript(running().session, STEPS, options);
    officeWorks(running());
    await runScript(running().session, AFTER_THE_OFFICE, options);
    expect(registered.size).toBeGreaterThan(40);
    const failed = [...registered]
      .filter(([, r]) => r.failed.length > 0)
      .map(([k, r]) => `${k}: ${String(r.failed[0])}`);
    expect(failed).toEqual([]);
    const unreached = [...registered].filter(([, r]) => r.ran === 0).map(([k]) => k);
    expect(unreached.sort()).toEqual(Object.keys(UNREACHED).sort());
    // Answered as Slack would show it: no payload Slack refuses, no step that found nothing to press.
    expect(
      running()
        .slack.takeRejections()
        .map((r) => `${r.method}: ${r.messages.join(" ")}`),
    ).toEqual([]);
    expect(printed.filter((l) => l.includes("on screen; skipped") || l.startsWith("Not understood"))).toEqual([]);
    // One long scripted session (about 100 steps): on a loaded machine it outlasts the default 30 s.
  }, 120_000);
});
