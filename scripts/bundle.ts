import { build } from "esbuild";

/**
 * Bundles one entry of src into outdir as `npm run build` does (see scripts/build.ts for why
 * esbuild). outdir must be inside this package: the bundle finds node_modules and prisma/ by
 * looking upwards from itself.
 */
export async function bundle(entry: string, outdir: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outdir,
    bundle: true,
    // PGlite is imported only in embedded mode (it costs ~45 MB once loaded); splitting keeps that
    // dynamic import a separate chunk instead of a static import at the top of the bundle.
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    sourcemap: true,
    logLevel: "warning",
  });
}
