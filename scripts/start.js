// `npm start`: the app (src/main.ts), from its bundle in dist/ (see launch.js).
//
// package.json starts it with `node --liftoff-only`, as `npm run demo` (see demo.js): WebAssembly
// (PGlite's Postgres in embedded mode, Prisma's query compiler in both modes) runs from its
// baseline compiler only. In the caregiver-sync bench (the app in a process of its own, 300
// caregivers, load 0.3–0.9) the app's peak went from 292 to 229 MB on PGlite, the job's CPU from
// 7.6 to 7.2 s at the same wall time; at 100 caregivers from 306 to 219 MB on PGlite and from
// 201 to 164 MB on PostgreSQL.
import { launch } from "./launch.js";

await launch("main");
