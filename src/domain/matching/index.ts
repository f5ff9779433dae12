export type { AutoLink, MatchKind, MatchOptions, MatchRecord, MatchResult, PairScore, Suggestion } from "./types";
export { pairKey, resolveIdentities, resolvingIdentities } from "./resolve";
export { scorePair } from "./score";
export { normalizeName, normalizeEmail } from "./normalize";
export { canonicalFirstNames, NICKNAME_GROUP_COUNT } from "./nicknames";
export { phoneticKey } from "./phonetic";
export { jaroWinkler } from "./jaroWinkler";
