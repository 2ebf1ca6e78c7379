import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, mockPlugin, startG4F } from "./run-g4f.js";

beforeAll(() => ensureBuilt(), 120_000);

describe("g4f serve", () => {
  it("answers /v1/models, then shuts down on SIGTERM with exit code 0", async () => {
    const g4f = startG4F(["--plugin", mockPlugin, "serve", "--port", "0"], { input: null });
    try {
      await g4f.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+/);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(g4f.stdout())?.[1];
      const response = await fetch(`${url}/v1/models`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data: Array<{ id: string }> };
      expect(body.data.map((model) => model.id)).toContain("Mock:mock-model");
      g4f.child.kill("SIGTERM");
      const run = await g4f.done;
      expect(run.code).toBe(0);
      expect(run.stderr).toContain("stopped");
    } finally {
      g4f.child.kill("SIGKILL");
    }
  });

  it("requires the --api-key when one is set", async () => {
    const g4f = startG4F(["--plugin", mockPlugin, "serve", "--port", "0", "--api-key", "k-123"], {
      input: null,
    });
    try {
      await g4f.waitFor(/listening on http:\/\/127\.0\.0\.1:\d+/);
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(g4f.stdout())?.[1];
      expect((await fetch(`${url}/v1/models`)).status).toBe(401);
      const ok = await fetch(`${url}/v1/models`, { headers: { authorization: "Bearer k-123" } });
      expect(ok.status).toBe(200);
      g4f.child.kill("SIGINT");
      expect((await g4f.done).code).toBe(0);
    } finally {
      g4f.child.kill("SIGKILL");
    }
  });
});
