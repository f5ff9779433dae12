import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { PACKAGE_ROOT } from "./package-root";

type WasmExports = Record<string, unknown>;
type WasmBindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WasmExports): void;
};

// The ES2023 lib this project compiles against has no WebAssembly types; these two calls are all we use.
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: {
    compile(bytes: Uint8Array): Promise<object>;
    instantiate(module: object, imports: object): Promise<{ exports: WasmExports }>;
  };
};

let bindings: Promise<WasmBindings> | undefined;

/**
 * Prisma's schema engine as WebAssembly, instantiated by hand: its package entry imports the
 * .wasm file as an ES module, which Node 20 only allows behind --experimental-wasm-modules.
 * The CLI's native engine would be downloaded on first use, which fails offline.
 */
function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve("@prisma/schema-engine-wasm"));
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as WasmBindings;
    const module = await wasm.compile(readFileSync(join(dir, "schema_engine_bg.wasm")));
    const instance = await wasm.instantiate(module, { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

export const SCHEMA_PATH = new URL("prisma/schema.prisma", PACKAGE_ROOT);
export const MIGRATIONS_DIR = new URL("prisma/migrations/", PACKAGE_ROOT);

export function readDatamodel(): string {
  return readFileSync(SCHEMA_PATH, "utf8");
}

export async function openSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  log: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const bg = await loadBindings();
  const datamodel = readDatamodel();
  return bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", datamodel]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
