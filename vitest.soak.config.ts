import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// `pnpm test:soak`: the long runs (`*.soak.test.ts`), which `pnpm test` leaves out. Same source
// aliases as the main config, one process, no per-test time limit beyond the soak's own bounds.
export default defineConfig({
  resolve: base.resolve,
  test: {
    include: ["packages/*/test/**/*.soak.test.ts"],
    restoreMocks: true,
    allowOnly: !process.env.CI,
    testTimeout: 900_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
