export { checkMessage, checkView, checkViewAck, type Verdict } from "./surfaces";
export { LIMITS } from "./limits";
