import { runCli } from "./run-cli.js";

const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// Let pending cleanup (a provider deleting its chat) finish, but never hang on a stray handle.
setTimeout(() => process.exit(code), 5000).unref();
