// `npm start`: the app (src/main.ts), from its bundle in dist/ (see launch.js).
import { launch } from "./launch.js";

await launch("main");
