// `npm run build`: src/main.ts and src/console/main.ts → dist/ (or the directory given), which
// `npm start` and `npm run demo` run without tsx (scripts/launch.js also bundles on demand).
//
// esbuild rather than tsc: the sources import each other without file extensions (tsconfig's
// "moduleResolution": "bundler", which tsx tolerates), and Node's ESM loader does not; tsc would
// emit those specifiers unchanged, so every import would need rewriting. esbuild resolves them
// as it bundles our code (the generated Prisma client included) into one module per program, and
// leaves packages as imports of node_modules (`packages: "external"`), so nothing vendored is
// rebuilt. Types are checked by `npm run typecheck`, not here.
import { rmSync } from "node:fs";
import { bundle, ENTRIES } from "./bundle.js";

const outdir = process.argv[2] ?? "dist";
rmSync(outdir, { recursive: true, force: true });
await bundle(outdir);
console.log(`built ${ENTRIES.map((entry) => `${outdir}/${entry}.js`).join(", ")}`);
