import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach } from "vitest";
import { clearCookieCache } from "../../src/index.js";
import { type HomeBrowserSpec, makeHome, type TestHome } from "../../src/testing.js";
import type { BrowserName } from "../../src/types.js";

/** Returns a maker of test homes; every home is removed and the cache cleared after each test. */
export function useHomes(): (
  platform: NodeJS.Platform,
  browsers?: Partial<Record<BrowserName, HomeBrowserSpec>>,
) => Promise<TestHome> {
  const made: TestHome[] = [];
  afterEach(async () => {
    clearCookieCache();
    await Promise.all(made.splice(0).map((home) => home.remove()));
  });
  return async (platform, browsers) => {
    const home = await makeHome(platform, browsers);
    made.push(home);
    return home;
  };
}

/** Lookup options that read no real cookie folder: an empty one inside the home. */
export function isolated(home: TestHome): TestHome["options"] & { cookiesDir: string } {
  const cookiesDir = join(home.home, "empty-cookie-folder");
  mkdirSync(cookiesDir, { recursive: true });
  return { ...home.options, cookiesDir };
}
