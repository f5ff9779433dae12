import { cacwtContract } from "../contract/cacwt";
import { careAcademyContract } from "../contract/careacademy";
import { caresmartzContract } from "../contract/caresmartz";
import { linkingPairContract } from "../contract/motivity-calmanac";
import { scimContract } from "../contract/scim";
import { teletrackContract } from "../contract/teletrack";
import { sandboxTarget } from "../contract/target";

// The same suite against the sandbox over real HTTP: the sandbox must answer as the contract says.
teletrackContract(sandboxTarget);
careAcademyContract(sandboxTarget);
linkingPairContract(sandboxTarget);
caresmartzContract(sandboxTarget);
cacwtContract(sandboxTarget);
scimContract(sandboxTarget);
