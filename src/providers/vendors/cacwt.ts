import { cacwtLearnerSchema, importStartedSchema, importStatusSchema } from "../records";
import { seg, type JsonApi } from "../http/json-api";
import { JsonCollection } from "../http/json-collection";
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

  private readonly learners: JsonCollection<typeof cacwtLearnerSchema>;

  constructor(private readonly api: JsonApi) {
    this.learners = new JsonCollection(api, "/v1/learners", cacwtLearnerSchema);
  }

  findByEmail(email: string): Promise<CacwtLearner | null> {
    return this.learners.first({ email });
  }

  findByUserId(userId: string): Promise<CacwtLearner | null> {
    return this.learners.first({ userId });
  }

  list(filter: LearnerFilter): AsyncIterable<CacwtLearner> {
    const { affiliation, status, emailDomain } = filter;
    return this.learners.list({ affiliation, status, emailDomain });
  }

  create(learner: NewCacwtLearner): Promise<CacwtLearner> {
    return this.learners.create(learner);
  }

  update(userId: string, patch: CacwtLearnerPatch): Promise<CacwtLearner> {
    return this.learners.patch(userId, patch);
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
