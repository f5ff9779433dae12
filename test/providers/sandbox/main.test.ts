import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VENDORS } from "../../../src/config";
import { killAll, startSandboxProcess, type SandboxProcess } from "../../support/processes";

const AUTH = { authorization: "Bearer any-key" };

describe("npm run sandbox", () => {
  let sandbox: SandboxProcess;
  beforeAll(async () => {
    sandbox = await startSandboxProcess(["--seed", "empty", "--caregivers", "3"]);
  });
  afterAll(killAll);

  it("prints every vendor's base URL and key for the app, on this machine's loopback", () => {
    expect(Object.keys(sandbox.env).sort()).toEqual(
      VENDORS.flatMap((v) => [`${v.toUpperCase()}_API_KEY`, `${v.toUpperCase()}_BASE_URL`]).sort(),
    );
    expect(sandbox.env.TELETRACK_BASE_URL).toBe(`${sandbox.origin}/teletrack`);
    expect(new URL(sandbox.origin).hostname).toBe("127.0.0.1");
  });

  it("serves the vendors, and its state to this machine: ready caregivers, more on request", async () => {
    const listed = (await (
      await fetch(`${sandbox.env.TELETRACK_BASE_URL}/v1/caregivers`, { headers: AUTH })
    ).json()) as { data: Array<{ id: string; email: string }> };
    expect(listed.data.map((c) => c.id)).toEqual(["tt-s00001", "tt-s00002", "tt-s00003"]);
    await sandbox.admin("caregivers?count=2");
    const state = await sandbox.state();
    expect(Object.keys(state.teletrack.caregivers)).toHaveLength(5);
    expect(state.careacademy.users).toEqual({});
  });

  it("pause holds vendor requests until resume", async () => {
    await sandbox.admin("pause");
    let answered = false;
    const request = fetch(`${sandbox.env.CAREACADEMY_BASE_URL}/v1/users`, { headers: AUTH }).then((r) => {
      answered = true;
      return r.status;
    });
    while ((await sandbox.state()).held === 0) await new Promise((r) => setTimeout(r, 20));
    expect(answered).toBe(false);
    await sandbox.admin("resume");
    expect(await request).toBe(200);
    expect((await sandbox.state()).held).toBe(0);
  });

  it("stops cleanly on SIGTERM", async () => {
    expect(await sandbox.kill("SIGTERM")).toBe(0);
  });
});
