// `npm run demo`: the console (src/console/main.ts), from its bundle in dist/ (see launch.js).
//
// package.json starts it with `node --liftoff-only`: V8 then runs WebAssembly (PGlite's Postgres,
// Prisma's query compiler) with its baseline compiler only, never optimizing it in background
// threads. On a 2-core machine at load 5–6 that took a first start from 5.6–5.9 s to 3.0–3.1 s
// to the prompt, its CPU from 3.6–4.0 s to 2.2–2.3 s and its peak from 266 to 193 MB; the tour
// (`-- --tour`, every workflow) ran in 10 s instead of 12–16 s, with 90 MB less at its peak.
// Only a bulk insert of 200,000 rows was slower (about 1.2x).
import { launch } from "./launch.js";

await launch("console/main");
