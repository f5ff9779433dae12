// `npm run build`: src/main.ts → dist/ (or the directory given), run by `npm start` without tsx.
//
// esbuild rather than tsc: the sources import each other without file extensions (tsconfig's
// "moduleResolution": "bundler", which tsx tolerates), and Node's ESM loader does not; tsc would
// emit those specifiers unchanged, so every import would need rewriting. esbuild resolves them
// as it bundles our code (the generated Prisma client included) into one module, and leaves
// packages as imports of node_modules (`packages: "external"`), so nothing vendored is rebuilt.
// Types are checked by `npm run typecheck`, not here.
import { rmSync } from "node:fs";
import { bundle } from "./bundle";

const outdir = process.argv[2] ?? "dist";
rmSync(outdir, { recursive: true, force: true });
await bundle("src/main.ts", outdir);
console.log(`built ${outdir}/main.js`);
