import { cacwtContract } from "../contract/cacwt";
import { careAcademyContract } from "../contract/careacademy";
import { caresmartzContract } from "../contract/caresmartz";
import { linkingPairContract } from "../contract/motivity-calmanac";
import { scimContract } from "../contract/scim";
import { teletrackContract } from "../contract/teletrack";
import { nockTarget } from "../contract/target";

// The adapters against the exchanges providers.md defines, mocked with nock.
teletrackContract(nockTarget);
careAcademyContract(nockTarget);
linkingPairContract(nockTarget);
caresmartzContract(nockTarget);
cacwtContract(nockTarget);
scimContract(nockTarget);
