import { cacwtLearnerSchema, importStartedSchema, importStatusSchema } from "../records";
import { seg, type JsonApi } from "../http/json-api";
import type {
  CacwtLearner,
  CacwtLearnerPatch,
  ImportStatus,
  LearnerFilter,
  LearnerLms,
  NewCacwtLearner,
} from "../roles";

/** CACWT, the state training LMS for learners (providers.md § CACWT). */
export class CacwtLearnerLms implements LearnerLms {
  readonly capabilities = { csvImport: true };

  constructor(private readonly api: JsonApi) {}

  findByEmail(email: string): Promise<CacwtLearner | null> {
    return this.api.first("/v1/learners", cacwtLearnerSchema, { email });
  }

  findByUserId(userId: string): Promise<CacwtLearner | null> {
    return this.api.first("/v1/learners", cacwtLearnerSchema, { userId });
  }

  list(filter: LearnerFilter): AsyncIterable<CacwtLearner> {
    return this.api.list("/v1/learners", cacwtLearnerSchema, {
      affiliation: filter.affiliation,
      status: filter.status,
      emailDomain: filter.emailDomain,
    });
  }

  create(learner: NewCacwtLearner): Promise<CacwtLearner> {
    return this.api.call({ method: "POST", path: "/v1/learners", json: learner }, cacwtLearnerSchema);
  }

  update(userId: string, patch: CacwtLearnerPatch): Promise<CacwtLearner> {
    return this.api.call({ method: "PATCH", path: `/v1/learners/${seg(userId)}`, json: patch }, cacwtLearnerSchema);
  }

  async startImport(csvText: string): Promise<string> {
    const started = await this.api.call(
      { method: "POST", path: "/v1/learner-imports", text: { body: csvText, contentType: "text/csv" } },
      importStartedSchema,
    );
    return started.importId;
  }

  getImport(importId: string): Promise<ImportStatus> {
    return this.api.call({ method: "GET", path: `/v1/learner-imports/${seg(importId)}` }, importStatusSchema);
  }
}
