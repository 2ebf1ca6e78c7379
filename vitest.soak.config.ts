import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.ts";

// `pnpm test:soak`: the long reliability runs, never part of `pnpm test` or CI by default.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      projects: undefined,
      include: ["packages/*/test/**/*.soak.test.ts"],
      exclude: ["**/node_modules/**", "**/dist/**"],
      testTimeout: 30 * 60_000,
      hookTimeout: 60_000,
    },
  }),
);
