import { createReadStream, readFileSync } from "node:fs";

/** The product docs sit beside the repository (CI clones ../shared next to it). */
const SHARED = new URL("../../../../shared/", import.meta.url);

export function openFixture(name: string) {
  return createReadStream(new URL(`fixtures/${name}`, SHARED));
}

export function readShared(path: string): string {
  return readFileSync(new URL(path, SHARED), "utf8");
}

export async function* chunks(...parts: string[]) {
  for (const part of parts) yield part;
}
