// `npm run demo`: the console (src/console/main.ts), from its bundle in dist/ (see launch.js).
import { launch } from "./launch.js";

await launch("console/main");
