import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Options } from "tsup";

/**
 * The build every package shares: ESM for Node 20, declarations, source maps, and the
 * package version baked in as `__G4F_VERSION__` (read by `src/version.ts`).
 */
export function defineBuild(packageDir: string, overrides: Options = {}): Options {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { version: string };
  return {
    entry: ["src/index.ts"],
    format: ["esm"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    platform: "node",
    tsconfig: "tsconfig.build.json",
    define: { __G4F_VERSION__: JSON.stringify(manifest.version) },
    ...overrides,
  };
}
