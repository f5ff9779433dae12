import { canonicalFirstNames, type MatchKind, type MatchRecord } from "../../../src/domain/matching";
import {
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  HISPANIC_FIRST_NAMES,
  HISPANIC_LAST_NAMES,
  TAIL_LAST_NAMES,
  VIETNAMESE_FIRST_NAMES,
  VIETNAMESE_LAST_NAMES,
  VIETNAMESE_MIDDLE_NAMES,
} from "./syntheticNames";

/** Deterministic 0..1 generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Person {
  first: string;
  nicknames: string[];
  last: string;
  swapProne: boolean;
  email: string;
  /** The address is a mailbox shared with someone else: both systems hold it as it is. */
  sharedMailbox?: boolean;
  birthDate: string;
}

export interface SyntheticSet {
  left: MatchRecord[];
  right: MatchRecord[];
  /** Motivity id → Calmanac id of the same person. */
  truePairs: Map<string, string>;
}

const NEIGHBORS: Readonly<Record<string, string>> = {
  a: "qsz",
  b: "vn",
  c: "xv",
  d: "sf",
  e: "wr",
  f: "dg",
  g: "fh",
  h: "gj",
  i: "uo",
  j: "hk",
  k: "jl",
  l: "k",
  m: "n",
  n: "bm",
  o: "ip",
  p: "o",
  q: "w",
  r: "et",
  s: "ad",
  t: "ry",
  u: "yi",
  v: "cb",
  w: "qe",
  x: "zc",
  y: "tu",
  z: "x",
};

function ascii(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/đ/g, "d")
    .replace(/[^a-z]/g, "");
}

function stripAccents(name: string): string {
  return name.normalize("NFKD").replace(/\p{M}/gu, "").replace(/Đ/g, "D").replace(/đ/g, "d");
}

class People {
  private readonly usedEmails = new Set<string>();
  constructor(readonly rand: () => number) {}

  chance(p: number): boolean {
    return this.rand() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)] as T;
  }
  /** Zipf-like: rank r drawn with weight 1 / (r + flatten); the lists are sorted by frequency. */
  pickFrequent<T>(list: readonly T[], flatten: number): T {
    const total = list.reduce((sum, _, r) => sum + 1 / (r + flatten), 0);
    let x = this.rand() * total;
    for (let r = 0; r < list.length; r++) {
      x -= 1 / (r + flatten);
      if (x <= 0) return list[r] as T;
    }
    return list[list.length - 1] as T;
  }
  uniqueEmail(local: string, domain: string): string {
    for (let n = 1; ; n++) {
      const email = `${local}${n === 1 ? "" : n}@${domain}`;
      if (!this.usedEmails.has(email)) {
        this.usedEmails.add(email);
        return email;
      }
    }
  }
  birthDate(): string {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${1945 + Math.floor(this.rand() * 65)}-${pad(1 + Math.floor(this.rand() * 12))}-${pad(1 + Math.floor(this.rand() * 28))}`;
  }

  person(family?: Pick<Person, "last" | "swapProne">): Person {
    const roll = this.rand();
    const [firstEntry, last, swapProne] =
      roll < 0.7
        ? [
            this.pickFrequent(ENGLISH_FIRST_NAMES, 8),
            this.chance(0.55) ? this.pickFrequent(ENGLISH_LAST_NAMES, 15) : this.pick(TAIL_LAST_NAMES),
            false,
          ]
        : roll < 0.95
          ? [this.pickFrequent(HISPANIC_FIRST_NAMES, 15), this.hispanicLastName(), false]
          : [this.vietnameseFirstName(), this.pickFrequent(VIETNAMESE_LAST_NAMES, 2), true];
    const [first = "", nicks = ""] = firstEntry.split(":");
    const lastName = family?.last ?? (this.chance(0.015) ? `${last} Jr.` : last);
    const lastWord = ascii(lastName.split(" ")[0] ?? "");
    return {
      first,
      nicknames: nicks === "" ? [] : nicks.split(","),
      last: lastName,
      swapProne: family?.swapProne ?? swapProne,
      email: this.uniqueEmail(`${ascii(first)}.${lastWord}`, "carehome.org"),
      birthDate: this.birthDate(),
    };
  }

  hispanicLastName(): string {
    const paternal = this.pickFrequent(HISPANIC_LAST_NAMES, 10);
    return this.chance(0.35) ? `${paternal} ${this.pickFrequent(HISPANIC_LAST_NAMES, 10)}` : paternal;
  }
  vietnameseFirstName(): string {
    const given = this.pick(VIETNAMESE_FIRST_NAMES);
    return this.chance(0.4) ? `${this.pick(VIETNAMESE_MIDDLE_NAMES)} ${given}` : given;
  }

  typo(name: string): string {
    if (name.length < 3) return name;
    const i = 1 + Math.floor(this.rand() * (name.length - 1));
    const c = name.charAt(i);
    const op = this.rand();
    if (op < 0.35 && NEIGHBORS[c] !== undefined)
      return name.slice(0, i) + this.pick([...NEIGHBORS[c]]) + name.slice(i + 1);
    if (op < 0.6) return name.slice(0, i) + name.slice(i + 1);
    if (op < 0.8 || i === name.length - 1) return name.slice(0, i) + c + name.slice(i);
    return name.slice(0, i) + name.charAt(i + 1) + c + name.slice(i + 2);
  }

  /** How the other system spells the same last name. */
  lastVariant(last: string): string {
    let v = this.chance(0.5) ? stripAccents(last) : last;
    if (v.includes(" ") && !v.endsWith("Jr.")) v = this.pick([v, v.replace(" ", "-"), v.split(" ")[0] ?? v]);
    if (v.endsWith(" Jr.") && this.chance(0.5)) v = v.slice(0, -4);
    if (/['.]/.test(v) && this.chance(0.5)) v = v.replace(/['.]/, this.pick(["", " "]));
    return this.chance(0.06) ? this.typo(v) : v;
  }

  casing(name: string): string {
    const roll = this.rand();
    const cased = roll < 0.04 ? name.toUpperCase() : roll < 0.07 ? name.toLowerCase() : name;
    return this.chance(0.05) ? ` ${cased} ` : cased;
  }
}

function render(
  g: People,
  p: Person,
  kind: MatchKind,
  side: "left" | "right",
  varied: boolean,
): Omit<MatchRecord, "id"> {
  const nickname = p.nicknames.length > 0 && g.chance(0.12) ? g.pick(p.nicknames) : null;
  let first = varied && nickname !== null ? nickname : p.first;
  let last = varied ? g.lastVariant(p.last) : p.last;
  if (varied && g.chance(0.06)) first = g.typo(first);
  if (varied && g.chance(0.5)) first = stripAccents(first);
  if (varied && g.chance(p.swapProne ? 0.2 : 0.02)) [first, last] = [last, first];
  if (varied) [first, last] = [g.casing(first), g.casing(last)];
  if (kind === "members") {
    const roll = g.rand();
    const email =
      side === "left" || p.sharedMailbox || roll < 0.55
        ? g.chance(0.1)
          ? p.email.toUpperCase()
          : p.email
        : roll < 0.8
          ? g.uniqueEmail(
              g.pick([`${ascii(p.first)}${ascii(p.last)}`, `${ascii(p.first).charAt(0)}${ascii(p.last)}`]),
              "gmail.com",
            )
          : null;
    const phone =
      side === "right" && g.chance(0.7) ? `(555) ${String(Math.floor(g.rand() * 1e7)).padStart(7, "0")}` : null;
    return { firstName: first, lastName: last, email, phone };
  }
  const roll = g.rand();
  const [y, m, d] = p.birthDate.split("-");
  const birthDate =
    !varied || roll < 0.88
      ? p.birthDate
      : roll < 0.93
        ? `${y}-${m}-${g.pick(["01", "11", "21"])}`
        : roll < 0.95
          ? `${y}-${d}-${m}`
          : null;
  return { firstName: first, lastName: last, birthDate };
}

function shuffle<T>(g: People, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(g.rand() * (i + 1));
    [list[i], list[j]] = [list[j] as T, list[i] as T];
  }
  return list;
}

/** Members: share of each side's records that use a paired person's mailbox (a relative, on one side only). */
const SHARING_A_PAIRED_MAILBOX = 0.02;
/** Members: share of each side's records that are two different people with one mailbox, one in each system. */
const SHARING_ACROSS_SYSTEMS = 0.01;

/**
 * size Motivity and size Calmanac records, pairedShare of them the same person written the
 * way another office would write it; the rest are other people, a third of them relatives or
 * namesakes of someone paired (same last name, sometimes the same full name). Among members,
 * a few of the others share an email with someone: a relative reading their mail in a paired
 * person's mailbox (on one side, so that address has two holders there, or one on each side
 * when the paired person gave Calmanac another address), or two people of one family or
 * office, one in each system, with one mailbox. Whoever shares a mailbox has another first
 * name than its owner (not a nickname of it either): two records alike in name and email
 * are one person to anyone.
 */
export function syntheticPeople(opts: {
  kind: MatchKind;
  size: number;
  pairedShare: number;
  seed: number;
}): SyntheticSet {
  const g = new People(seededRandom(opts.seed));
  const pairedCount = Math.round(opts.size * opts.pairedShare);
  const paired = Array.from({ length: pairedCount }, () => g.person());
  const other = (): Person => {
    const relative = g.pick(paired);
    const roll = g.rand();
    if (roll < 0.05) return { ...g.person(relative), first: relative.first, nicknames: relative.nicknames };
    return roll < 0.3 ? g.person(relative) : g.person();
  };
  /** Someone else in owner's mailbox: a relative (same last name) or, for an office mailbox, anyone. */
  const sharer = (owner: Person, relative: boolean): Person => {
    // Variants of one name (Debra / Deborah) count as the same name, as they do to the matcher and to people.
    const formal = (first: string) => canonicalFirstNames(ascii(first));
    const sameName = (p: Person) =>
      p.first === owner.first ||
      owner.nicknames.includes(p.first) ||
      p.nicknames.includes(owner.first) ||
      formal(p.first).some((f) => formal(owner.first).includes(f));
    let p = relative ? g.person(owner) : g.person();
    while (sameName(p)) p = relative ? g.person(owner) : g.person();
    return { ...p, email: owner.email, sharedMailbox: true };
  };
  const sharedCount = opts.kind === "members" ? Math.round(opts.size * SHARING_A_PAIRED_MAILBOX) : 0;
  const acrossCount = opts.kind === "members" ? Math.round(opts.size * SHARING_ACROSS_SYSTEMS) : 0;

  const leftRows = paired.map((p, i) => ({ row: render(g, p, opts.kind, "left", false), pair: i }));
  const rightRows = paired.map((p, i) => ({ row: render(g, p, opts.kind, "right", true), pair: i }));
  const addOthers = (left: () => Person, right: () => Person) => {
    leftRows.push({ row: render(g, left(), opts.kind, "left", false), pair: -1 });
    rightRows.push({ row: render(g, right(), opts.kind, "right", true), pair: -1 });
  };
  for (let n = 0; n < opts.size - pairedCount; n++) {
    if (n < sharedCount) {
      const visitor = sharer(g.pick(paired), true);
      if (g.chance(0.5)) addOthers(() => visitor, other);
      else addOthers(other, () => visitor);
    } else if (n < sharedCount + acrossCount) {
      const family = g.chance(0.6);
      const person = g.person();
      const owner: Person = {
        ...person,
        email: family ? person.email : g.uniqueEmail(g.pick(["office", "frontdesk", "staff"]), "carehome.org"),
        sharedMailbox: true,
      };
      const visitor = sharer(owner, family);
      addOthers(
        () => owner,
        () => visitor,
      );
    } else addOthers(other, other);
  }
  const left = shuffle(g, leftRows).map(({ row }, i) => ({ id: `mot-${String(i).padStart(5, "0")}`, ...row }));
  const right = shuffle(g, rightRows).map(({ row }, i) => ({ id: `cal-${String(i).padStart(5, "0")}`, ...row }));
  const rightIdByPair = new Map<number, string>();
  rightRows.forEach(({ pair }, i) => rightIdByPair.set(pair, right[i]?.id ?? ""));
  const truePairs = new Map<string, string>();
  leftRows.forEach(({ pair }, i) => {
    if (pair >= 0) truePairs.set(left[i]?.id ?? "", rightIdByPair.get(pair) ?? "");
  });
  return { left, right, truePairs };
}
