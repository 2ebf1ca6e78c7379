import { defineConfig } from "tsup";
import { defineBuild } from "../../tsup.base.ts";

export default defineConfig(defineBuild(process.cwd(), { entry: ["src/index.ts", "src/testing.ts"] }));
