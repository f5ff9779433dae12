import type { Vendor } from "../../../config";
import type { Route } from "../router";
import type { SandboxState } from "../state";
import { cacwtRoutes } from "./cacwt";
import { calmanacRoutes } from "./calmanac";
import { careAcademyRoutes } from "./careacademy";
import { caresmartzRoutes } from "./caresmartz";
import { motivityRoutes } from "./motivity";
import { scimRoutes } from "./scim";
import { teletrackRoutes } from "./teletrack";

export function vendorRoutes(state: SandboxState, birthDateStates: readonly string[]): Record<Vendor, Route[]> {
  return {
    teletrack: teletrackRoutes(state),
    careacademy: careAcademyRoutes(state, birthDateStates),
    motivity: motivityRoutes(state),
    calmanac: calmanacRoutes(state),
    caresmartz: caresmartzRoutes(state),
    cacwt: cacwtRoutes(state),
    scim: scimRoutes(state),
  };
}
