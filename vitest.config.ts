import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const packagesDir = fileURLToPath(new URL("./packages/", import.meta.url));
const packageNames = readdirSync(packagesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

// Tests import sibling packages from source, so a change is tested without a rebuild.
// (Tests that run a built bin, such as the CLI's, rely on `pnpm test` building first.)
const sourceAliases = [
  { find: /^@g4f\/core\/testing$/, replacement: `${packagesDir}core/src/testing.ts` },
  { find: /^@g4f\/cookies\/testing$/, replacement: `${packagesDir}cookies/src/testing.ts` },
  ...packageNames.map((name) => ({
    find: new RegExp(`^@g4f/${name === "provider-openassistant" ? "provider-openassistant" : name}$`),
    replacement: `${packagesDir}${name}/src/index.ts`,
  })),
];

export default defineConfig({
  resolve: { alias: sourceAliases },
  test: {
    restoreMocks: true,
    allowOnly: !process.env.CI,
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: packageNames.map((name) => ({
      extends: true,
      test: {
        name,
        root: `${packagesDir}${name}`,
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
        exclude: ["**/*.soak.test.ts", "**/node_modules/**", "**/dist/**"],
        typecheck: { enabled: false },
      },
    })),
  },
});
