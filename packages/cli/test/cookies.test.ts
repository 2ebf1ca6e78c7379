import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runG4F } from "./run-g4f.js";

const SECRET = "very-secret-cookie-value-4242";

describe("g4f cookies", () => {
  let dir: string;
  let home: string;
  beforeAll(async () => {
    ensureBuilt();
    dir = await mkdtemp(join(tmpdir(), "g4f-cli-cookies-"));
    home = await mkdtemp(join(tmpdir(), "g4f-cli-home-"));
    await writeFile(
      join(dir, "cookies.json"),
      JSON.stringify([
        { domain: ".open-assistant.io", name: "next-auth.session-token", value: SECRET, path: "/" },
        { domain: "evil-open-assistant.io", name: "other", value: SECRET, path: "/" },
      ]),
    );
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  });

  const run = (args: string[]) =>
    runG4F(["cookies", "open-assistant.io", "--cookies-dir", dir, ...args], { env: { HOME: home } });

  it("lists the domain's cookies from the file, with sizes and never the value", async () => {
    const result = await run([]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /next-auth\.session-token\s+29 B\s+\.open-assistant\.io\s+session\s+file .*cookies\.json/,
    );
    expect(result.stdout).not.toContain("other");
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });

  it("prints JSON with sizes and sources and never the value", async () => {
    const result = await run(["--json"]);
    const parsed = JSON.parse(result.stdout);
    expect(parsed.cookies).toEqual([expect.objectContaining({ name: "next-auth.session-token", size: 29 })]);
    expect(parsed.cookies[0].source).toMatchObject({ kind: "file" });
    expect(result.stdout + result.stderr).not.toContain(SECRET);
  });
});
