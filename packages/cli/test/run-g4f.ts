import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The package folder and its committed bin shim. */
export const packageDir: string = fileURLToPath(new URL("..", import.meta.url));
export const binPath: string = fileURLToPath(new URL("../bin.js", import.meta.url));
export const mockPlugin: string = fileURLToPath(new URL("./fixtures/mock-plugin.mjs", import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds dist/ when it is missing or older than src/ (`pnpm test` builds first anyway). */
export function ensureBuilt(): void {
  const cli = `${packageDir}dist/cli.js`;
  if (existsSync(cli) && statSync(cli).mtimeMs >= newestSource(`${packageDir}src`)) return;
  execFileSync("npx", ["tsup"], { cwd: packageDir, stdio: "ignore" });
}

/** What a finished run printed. */
export interface G4FRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running g4f child process. */
export interface G4FProcess {
  child: ChildProcess;
  /** Resolves when stdout+stderr matched the pattern. */
  waitFor(pattern: RegExp): Promise<void>;
  /** Resolves when the process exits. */
  done: Promise<G4FRun>;
  /** What it printed on stdout so far. */
  stdout(): string;
}

/**
 * Starts the built binary (`node bin.js ...args`) with NO_COLOR and the given environment.
 * @param args - the command line.
 * @param options - extra environment, stdin text (closed after writing; `null` leaves it open).
 */
export function startG4F(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; input?: string | null } = {},
): G4FProcess {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env };
  for (const key of ["G4F_DEBUG", "G4F_PLUGINS", "FORCE_COLOR"])
    if (!(key in (options.env ?? {}))) delete env[key];
  const child = spawn(process.execPath, [binPath, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters: Array<{ pattern: RegExp; resolve: () => void }> = [];
  const check = (): void => {
    for (const waiter of [...waiters])
      if (waiter.pattern.test(stdout + stderr)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    check();
  });
  if (options.input !== null) child.stdin.end(options.input ?? "");
  const done = new Promise<G4FRun>((resolve) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    child,
    done,
    stdout: () => stdout,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ pattern, resolve });
        check();
        done.then((run) =>
          reject(new Error(`g4f exited (${run.code}) before ${pattern}:\n${run.stdout}\n${run.stderr}`)),
        );
      }),
  };
}

/**
 * Runs the built binary to the end.
 * @param args - the command line.
 * @param options - environment and stdin.
 */
export function runG4F(
  args: readonly string[],
  options: { env?: Record<string, string | undefined>; input?: string } = {},
): Promise<G4FRun> {
  return startG4F(args, options).done;
}

/** Runs g4f with the mock plugin loaded and configured. */
export function runMock(
  args: readonly string[],
  mock: Record<string, unknown> = {},
  input?: string,
): Promise<G4FRun> {
  return runG4F(["--plugin", mockPlugin, ...args], {
    env: { G4F_TEST_MOCK: JSON.stringify(mock) },
    ...(input === undefined ? {} : { input }),
  });
}
