// Goal 6: looking up one domain in a Chromium-schema cookie DB of 10,000 cookies (200 for the
// domain, encrypted v11) with @g4f/cookies, cold and cached, vs a bare sql.js query of the same
// rows (read the file, open it, SELECT; no decryption, no profile discovery, no matching).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { clearCookieCache, getCookieList } from "@g4f/cookies";
import { encryptChromium, makeChromiumDb, makeHome } from "@g4f/cookies/testing";
import initSqlJs from "sql.js";
import { compareAlternating } from "../harness/compare.js";
import { makeRow } from "../harness/row.js";
import { now } from "../harness/timing.js";
import { createRandom } from "../support/random.js";

const TOTAL = 10_000;
const FOR_DOMAIN = 200;
const DOMAIN = "bench.example";
const PASSWORD = "bench-keyring-password";
const COLD_PER_ROUND = 10;
const CACHED_PER_ROUND = 2_000;

/** 200 rows for the domain (half host-only, half domain cookies) and 9,800 spread over 490 others. */
function buildRows() {
  const random = createRandom(6);
  const expires = Date.now() + 365 * 24 * 3600 * 1000;
  const rows = [];
  for (let index = 0; index < TOTAL; index++) {
    const hostKey =
      index < FOR_DOMAIN
        ? index % 2 === 0
          ? `.${DOMAIN}`
          : DOMAIN
        : `${index % 2 === 0 ? "." : ""}site${index % 490}.example.org`;
    const value = `v${index}-${Math.floor(random() * 1e12).toString(36)}`;
    rows.push({
      hostKey,
      name: `cookie${index}`,
      encryptedValue: encryptChromium(value, { scheme: "v11", password: PASSWORD, hostKey }),
      expires,
      secure: index % 3 === 0,
    });
  }
  return rows;
}

/** @type {import("./types.js").Benchmark} */
export const benchmark = {
  name: "cookies",
  title: "one domain in a 10,000-cookie Chromium DB (200 matching, v11): cold and cached vs bare sql.js",
  goal: "cold time ratio ≤ 1.5; cached lookup < 0.05 ms",
  timeoutMs: 120_000,
  async run(context) {
    const home = await makeHome("linux", { chrome: {} });
    try {
      const dbPath = home.cookiesPath("chrome");
      await makeChromiumDb(dbPath, buildRows());
      const options = {
        ...home.options,
        cookiesDir: join(home.home, "no-cookie-files"),
        browsers: ["chrome"],
        safeStoragePassword: PASSWORD,
      };
      const SQL = await initSqlJs();
      const check = (count) => {
        if (count !== FOR_DOMAIN) throw new Error(`a lookup found ${count} cookies, expected ${FOR_DOMAIN}`);
      };

      /** Ours, cold: no cached result and no cached key. Returns ms per lookup. */
      const cold = async () => {
        const start = now();
        for (let index = 0; index < COLD_PER_ROUND; index++) {
          clearCookieCache();
          check((await getCookieList(DOMAIN, options)).cookies.length);
        }
        return (now() - start) / COLD_PER_ROUND;
      };
      /** Baseline: read the file, open it with sql.js, select the domain's rows. */
      const bare = async () => {
        const start = now();
        for (let index = 0; index < COLD_PER_ROUND; index++) {
          const db = new SQL.Database(await readFile(dbPath));
          const [result] = db.exec(
            "SELECT host_key, name, value, encrypted_value, path, expires_utc, is_secure, is_httponly, samesite FROM cookies WHERE host_key IN (?, ?)",
            [DOMAIN, `.${DOMAIN}`],
          );
          db.close();
          check(result?.values.length ?? 0);
        }
        return (now() - start) / COLD_PER_ROUND;
      };
      const coldResult = await compareAlternating({
        ours: cold,
        baseline: bare,
        warmup: 2,
        rounds: context.quick ? 3 : 9,
        progress: context.progress,
        label: "cold lookups",
      });

      /** Ours, cached: the same lookup again (a hit checked under 1 s ago touches no disk). */
      clearCookieCache();
      check((await getCookieList(DOMAIN, options)).cookies.length);
      const cachedSamples = [];
      for (let round = 0; round < (context.quick ? 3 : 9); round++) {
        const start = now();
        for (let index = 0; index < CACHED_PER_ROUND; index++) await getCookieList(DOMAIN, options);
        cachedSamples.push((now() - start) / CACHED_PER_ROUND);
      }
      cachedSamples.sort((a, b) => a - b);
      const cached = cachedSamples[Math.floor(cachedSamples.length / 2)];
      return [
        makeRow({
          benchmark: "cookies",
          figure: "cold lookup (10,000 cookies, 200 for the domain)",
          unit: "ms",
          ours: coldResult.ours,
          baseline: coldResult.baseline,
          goal: { on: "ratio", op: "<=", target: 1.5 },
          details: { oursSamples: coldResult.oursSamples, baselineSamples: coldResult.baselineSamples },
        }),
        makeRow({
          benchmark: "cookies",
          figure: "cached lookup",
          unit: "ms",
          ours: cached,
          baseline: null,
          baselineName: "(none)",
          goal: { on: "ours", op: "<", target: 0.05, unit: "ms" },
          details: { samples: cachedSamples },
        }),
      ];
    } finally {
      clearCookieCache();
      await home.remove();
    }
  },
};
