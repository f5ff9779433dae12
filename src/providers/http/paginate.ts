import type { Vendor } from "../../config";
import { ProviderError } from "./errors";
import { VENDOR_LABELS } from "../labels";

export interface CursorPage<T> {
  data: T[];
  nextCursor?: string | null;
}

/**
 * Walks a cursor-paginated list lazily: the next page is fetched only when the consumer asks
 * for more, and breaking out of `for await` stops the fetching. A cursor that repeats would
 * loop forever, so it is reported as a vendor fault instead.
 */
export async function* paginate<T>(
  vendor: Vendor,
  fetchPage: (cursor: string | undefined) => Promise<CursorPage<T>>,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.data;
    cursor = page.nextCursor ?? undefined;
    if (cursor !== undefined) {
      if (seen.has(cursor)) {
        throw new ProviderError(`${VENDOR_LABELS[vendor]} returned the same page cursor twice.`, {
          vendor,
          code: "cursor_loop",
        });
      }
      seen.add(cursor);
    }
  } while (cursor !== undefined);
}
