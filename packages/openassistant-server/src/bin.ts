// The `g4f-openassistant-server` command (started through the committed bin.js shim).
import { parseBinArgs } from "./cli/parse-bin-args.js";
import { InvalidServerOptionError } from "./errors/invalid-server-option-error.js";
import { type RunningOpenAssistantServer, startOpenAssistantServer } from "./start-server.js";

const command = parseBinArgs(process.argv.slice(2), process.env);
if (command.kind === "exit") {
  process.stdout.write(command.stdout);
  process.stderr.write(command.stderr);
  process.exitCode = command.code;
} else {
  let server: RunningOpenAssistantServer | undefined;
  let stopping = false;
  // Installed before the URL is printed: a caller may signal as soon as it reads it.
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    if (!server) process.exit(0);
    void server.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  try {
    server = await startOpenAssistantServer(command.options);
    if (stopping) await server.close();
    else {
      process.stdout.write(`${server.url}\n`);
      process.stderr.write("Open Assistant reference server ready; SIGINT or SIGTERM stops it.\n");
    }
  } catch (error) {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    if (InvalidServerOptionError.isInstance(error)) {
      process.stderr.write(`error: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      process.stderr.write(`error: could not start the server: ${detail}\n`);
      process.exitCode = 1;
    }
  }
}
