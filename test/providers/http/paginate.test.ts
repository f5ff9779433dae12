import { describe, expect, it } from "vitest";
import { paginate, type CursorPage } from "../../../src/providers/http/paginate";

const pages: Record<string, CursorPage<number>> = {
  start: { data: [1, 2], nextCursor: "b" },
  b: { data: [3, 4], nextCursor: "c" },
  c: { data: [5], nextCursor: null },
};

describe("paginate", () => {
  it("yields every item across pages in order, following nextCursor", async () => {
    const cursors: Array<string | undefined> = [];
    const items: number[] = [];
    for await (const n of paginate("calmanac", async (cursor) => {
      cursors.push(cursor);
      return pages[cursor ?? "start"] ?? { data: [] };
    })) {
      items.push(n);
    }
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(cursors).toEqual([undefined, "b", "c"]);
  });

  it("fetches no further page once the consumer stops", async () => {
    const cursors: Array<string | undefined> = [];
    for await (const n of paginate("calmanac", async (cursor) => {
      cursors.push(cursor);
      return pages[cursor ?? "start"] ?? { data: [] };
    })) {
      if (n === 2) break;
    }
    expect(cursors).toEqual([undefined]);
  });

  it("treats a missing nextCursor as the last page", async () => {
    const items: number[] = [];
    for await (const n of paginate("calmanac", async () => ({ data: [7] }))) items.push(n);
    expect(items).toEqual([7]);
  });

  it("stops a vendor that hands back a cursor it already gave", async () => {
    const looping = async (cursor: string | undefined): Promise<CursorPage<number>> => ({ data: [1], nextCursor: cursor === undefined ? "x" : "x" });
    const run = async () => {
      for await (const _ of paginate("calmanac", looping)) void _;
    };
    await expect(run()).rejects.toMatchObject({ name: "ProviderError", code: "cursor_loop", vendor: "calmanac" });
  });
});
