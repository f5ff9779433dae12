import type { ConsoleSession } from "./session";

/** One step of a scripted walk: words for the watcher, a line typed, or a button pressed by its label. */
export type Step =
  | { say: string }
  | { type: string; answers?: string[] }
  /** unconfirmed: the first such button without a confirm dialog (a "+ Create" on a row without a likely match). */
  | { press: RegExp; answers?: string[]; unconfirmed?: true };

export interface ScriptOptions {
  print: (line: string) => void;
  /** Answers for the questions the step asks (form fields, Submit, confirm dialogs), in order. */
  answer: (answers: string[]) => void;
  /** Pause between steps, so a person can read along; 0 in tests. */
  delayMs: number;
}

/** How long a press waits for its button: a job's message (a report, an approval) arrives on its own. */
const BUTTON_WAIT_MS = 5000;

async function buttonLike(session: ConsoleSession, label: RegExp, unconfirmed = false): Promise<string | undefined> {
  const until = Date.now() + BUTTON_WAIT_MS;
  for (;;) {
    const address = session.addressOf(label, { unconfirmed });
    if (address !== undefined || Date.now() > until) return address;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Plays steps through the session as if typed. A button is found by its label, so the walk
 * holds on a database that already has data; a step whose button is not on screen is skipped.
 */
export async function runScript(session: ConsoleSession, steps: Step[], options: ScriptOptions): Promise<void> {
  const { print, answer, delayMs } = options;
  for (const step of steps) {
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    if ("say" in step) {
      print("");
      print(`» ${step.say}`);
      continue;
    }
    const line = "type" in step ? step.type : await buttonLike(session, step.press, step.unconfirmed === true);
    if (line === undefined) {
      if ("press" in step) print(`  (no button like ${String(step.press)} on screen; skipped)`);
      continue;
    }
    answer(step.answers ?? []);
    print(`${session.prompt}${line}`);
    await session.handle(line);
  }
}

/** `npm run demo -- --tour`: the four workflows, one after the other, on the sandbox's demo data. */
export const TOUR: Step[] = [
  { say: "Caregivers: Spectrum TeleTrack → CareAcademy. One caregiver first, then everyone with a preview." },
  { type: "/sync-caregiver tt-1006" },
  { type: "/sync-caregiver all" },
  { press: /^Sync \d+ caregivers?$/ },
  { type: "/caregiver james carter" },
  { say: "Linking: Motivity members ↔ Calmanac staff. Confirm a suggested match, then create a missing member." },
  { type: "/link members" },
  { press: /^Link to Elizabeth Chen/ },
  { press: /^\+ Create in Motivity$/, unconfirmed: true, answers: ["", "3", "y"] },
  { say: "Learners: add one to the learner LMS, then import a CSV (try: upload ../shared/fixtures/cacwt_learners_messy.csv)." },
  { type: "/learner add", answers: ["Tom", "Reyes", "tom.reyes@example.org", "", "10", "2026-11-02", "1", "y"] },
  { type: "/learner jmorales@dpss.example.gov" },
  { say: "Agency users: a Caresmartz360 user, the username suggested from the name." },
  { type: "/agency-user", answers: ["Tom", "Reyes", "", "2", "1", "tom.reyes@example.org", "", "", "y"] },
  { say: "That was the tour. Your turn: type help for the list, buttons for what you can press." },
];
