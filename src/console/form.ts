import type { ConsoleReceiver } from "./receiver";
import { type Ask, askField, initialState, type InputBlock, inputBlocks, shownValue, type StateValues } from "./modal";
import { mrkdwnToText } from "./mrkdwn";
import type { View } from "./screen";
import type { SlackStandIn } from "./slack-standin";

/** What a modal needs from the session around it. */
export interface FormHost {
  receiver: ConsoleReceiver;
  slack: SlackStandIn;
  ask: Ask;
  print: (line: string) => void;
  base: () => Record<string, unknown>;
  showView: (view: View) => void;
  /** Presses a button by its address; true when the answer was one. */
  pressIn: (view: View, answer: string) => Promise<boolean>;
  /** The next view opened or pushed and not yet filled. */
  nextOpened: () => string | undefined;
  /** The modal is gone: submitted, closed or cleared ("shown" when it stays up without a submit button). */
  ended: (id: string, ending: Ending | "shown") => void;
}

interface Acked {
  response_action?: string;
  errors?: Record<string, string>;
  view?: Record<string, unknown>;
}

/** How a modal ended: submitted or closed (Slack goes back to the view below), or every view cleared. */
export type Ending = "closed" | "cleared";

const keyOf = (b: InputBlock) => `${b.block_id}\u0000${b.element.action_id}`;

/**
 * A modal filled as a person would: field by field (following the form when the app re-renders
 * it), then submitted; errors are shown on their fields and the form can be revisited.
 * Follows views.update, views.push and every response_action Slack knows.
 */
export class ModalFiller {
  constructor(private readonly host: FormHost) {}

  private latest(id: string): View | undefined {
    return this.host.slack.views.get(id) as View | undefined;
  }

  private updatesOf(id: string): number {
    return this.host.slack.calls.filter((c) => c.method === "views.update" && c.args.view_id === id).length;
  }

  private async fill(id: string): Promise<Ending> {
    const ending = await this.fillOne(id);
    this.host.ended(id, ending === "closed" && !this.latest(id)?.submit ? "shown" : ending);
    return ending;
  }

  private async fillOne(id: string): Promise<Ending> {
    const { ask, print } = this.host;
    let values: StateValues = {};
    let errors: Record<string, string> = {};
    let only: Set<string> | undefined;
    for (;;) {
      let view = this.latest(id);
      if (!view) return "closed";
      this.host.showView(view);
      const answered = new Set<string>();
      for (;;) {
        values = this.settle(view, values);
        const block = inputBlocks(view).find((b) => !answered.has(keyOf(b)) && (!only || only.has(b.block_id)));
        if (!block) break;
        answered.add(keyOf(block));
        if (errors[block.block_id]) print(`    ✗ ${errors[block.block_id]}`);
        const current = values[block.block_id]![block.element.action_id]!;
        const answer = await askField(block, current, ask, print, (query) =>
          this.search(view!, block.block_id, block.element.action_id, query),
        );
        values[block.block_id] = { [block.element.action_id]: answer };
        if (block.dispatch_action && shownValue(answer) !== shownValue(current)) {
          await this.host.receiver.dispatch({
            type: "block_actions",
            ...this.host.base(),
            view: { ...view, state: { values } },
            container: { type: "view", view_id: view.id },
            actions: [{ ...answer, action_id: block.element.action_id, block_id: block.block_id }],
          });
          const pushed = await this.fillOpened();
          if (pushed === "cleared") return pushed;
          const now = this.latest(id);
          if (!now) return "closed";
          if (now !== view) {
            view = now;
            this.host.showView(view);
          }
        }
      }
      if (!view.submit) return "closed";
      const choice = await this.submitChoice(view, inputBlocks(view).length > 0);
      if (choice === "no") {
        print("  Closed without submitting.");
        return "closed";
      }
      if (choice === "pressed") {
        const pushed = await this.fillOpened();
        if (pushed === "cleared") return pushed;
        only = new Set();
        continue;
      }
      if (choice === "edit") {
        only = undefined;
        continue;
      }
      const updatesBefore = this.updatesOf(id);
      const acked = (await this.host.receiver.dispatch({
        type: "view_submission",
        ...this.host.base(),
        trigger_id: `console-${Date.now()}`,
        view: { ...view, state: { values } },
        response_urls: [],
      })) as Acked | undefined;
      errors = {};
      only = undefined;
      switch (acked?.response_action) {
        case "errors": {
          errors = acked.errors ?? {};
          const fields = inputBlocks(view);
          for (const [blockId, error] of Object.entries(errors)) {
            const label = fields.find((b) => b.block_id === blockId)?.label.text ?? blockId;
            print(`  ✗ ${mrkdwnToText(label)}: ${error}`);
          }
          print("  Fix the fields above (Enter keeps a value); `e` at Submit revisits every field.");
          const failing = Object.keys(errors).filter((b) => fields.some((f) => f.block_id === b));
          only = failing.length > 0 ? new Set(failing) : undefined;
          continue;
        }
        case "update":
          // A views.update made after the ack (a "Saving…" view replaced by the outcome) is newer.
          if (acked.view && this.updatesOf(id) === updatesBefore) this.replace(id, acked.view);
          values = {};
          continue;
        case "push": {
          if (!acked.view) return "closed";
          const pushedId = this.replace(`V${id}.${Date.now()}`, acked.view);
          const ending = await this.fill(pushedId);
          if (ending === "cleared") return ending;
          only = new Set();
          continue;
        }
        case "clear":
          return "cleared";
        default: {
          const pushed = await this.fillOpened();
          return pushed === "cleared" ? pushed : "closed";
        }
      }
    }
  }

  /**
   * The views opened or pushed meanwhile, oldest first, and the views they open; from inside a
   * modal, those pushed over it, filled before going back to it. Stops when one clears them all.
   */
  async fillOpened(): Promise<Ending> {
    for (let id = this.host.nextOpened(); id !== undefined; id = this.host.nextOpened()) {
      if ((await this.fill(id)) === "cleared") return "cleared";
    }
    return "closed";
  }

  /** Slack's side of response_action update/push: the view shown in the modal's place. */
  private replace(id: string, view: Record<string, unknown>): string {
    this.host.slack.views.set(id, { ...view, id, hash: `h${id}${Date.now()}` });
    return id;
  }

  /** The values for the fields now in `view`: kept where the block is the same, initial where it is new. */
  private settle(view: View, values: StateValues): StateValues {
    const next: StateValues = {};
    for (const block of inputBlocks(view)) {
      next[block.block_id] = {
        [block.element.action_id]: values[block.block_id]?.[block.element.action_id] ?? initialState(block),
      };
    }
    return next;
  }

  private async submitChoice(view: View, hasFields: boolean): Promise<"yes" | "no" | "edit" | "pressed"> {
    const label = view.submit?.text ?? "Submit";
    for (;;) {
      const typed = await this.host.ask(`  ${label}? [Y]es, [n]o = close${hasFields ? ", [e]dit every field" : ""}: `);
      // Input ended (a pipe closed, a script ran out): the form is closed, not submitted forever.
      if (typed === undefined) return "no";
      const answer = typed.trim().toLowerCase();
      if (answer === "" || answer === "y" || answer === "yes") return "yes";
      if (answer === "n" || answer === "no") return "no";
      if (hasFields && (answer === "e" || answer === "edit")) return "edit";
      if (await this.host.pressIn(view, answer)) return "pressed";
      this.host.print("    Answer y, n" + (hasFields ? ", e" : "") + " or a button's address shown above.");
    }
  }

  private async search(view: View, blockId: string, actionId: string, value: string) {
    const response = (await this.host.receiver.dispatch({
      type: "block_suggestion",
      ...this.host.base(),
      block_id: blockId,
      action_id: actionId,
      value,
      view,
    })) as { options?: Array<{ text: { text: string }; value: string }> } | undefined;
    return response?.options ?? [];
  }
}
