import type { Pressable } from "./render";
import type { StoredMessage } from "./slack-standin";

export type View = Record<string, unknown> & {
  id: string;
  hash?: string;
  blocks?: unknown[];
  title?: { text: string };
  submit?: { text: string };
  callback_id?: string;
};

/** Something shown with buttons: a message, a modal or an App Home. */
export interface Shown {
  number: number;
  pressables: Pressable[];
  message?: StoredMessage;
  view?: View;
  /** Who sees it: an ephemeral message, a modal and an App Home belong to one person. */
  owner?: string;
  closed?: boolean;
}

/**
 * Everything on screen by a number that never changes or gets reused: an updated message keeps
 * its number, so a button's address (`3.2`) means the same thing for as long as it is shown.
 */
export class Screen {
  private readonly byKey = new Map<unknown, Shown>();
  private readonly byNumber = new Map<number, Shown>();
  private last = 0;

  /** The entry for `key` with its buttons now, numbered on first sight. */
  place(key: unknown, fields: Omit<Shown, "number">): Shown {
    const known = this.byKey.get(key);
    if (known) return Object.assign(known, fields, { closed: false });
    const shown: Shown = { number: ++this.last, ...fields };
    this.byKey.set(key, shown);
    this.byNumber.set(shown.number, shown);
    return shown;
  }

  numberOf(key: unknown): number | undefined {
    return this.byKey.get(key)?.number;
  }

  close(key: unknown): void {
    const shown = this.byKey.get(key);
    if (shown) shown.closed = true;
  }

  get(number: number): Shown | undefined {
    return this.byNumber.get(number);
  }

  /** What `user` can press now, oldest first. */
  pressable(user: string, stillThere: (shown: Shown) => boolean): Shown[] {
    return [...this.byNumber.values()].filter(
      (s) => s.pressables.length > 0 && !s.closed && (!s.owner || s.owner === user) && stillThere(s),
    );
  }
}
