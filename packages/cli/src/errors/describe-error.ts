import { G4FError, type ProviderAttempt } from "@g4f/core";
import { ExitCode } from "./exit-codes.js";
import { UsageError } from "./usage-error.js";

/** What the CLI says about an error: one line, a hint, an exit code. */
export interface ErrorReport {
  /** Stable code (`MISSING_AUTH`, `USAGE`, `INTERNAL`…). */
  code: string;
  /** One line saying what went wrong. */
  message: string;
  /** What to do about it, when we know. */
  hint?: string;
  /** Process exit code: 1 at run time, 2 for usage errors. */
  exitCode: number;
}

/** Codes that mean the command line asked for something that does not exist. */
const USAGE_CODES = new Set(["USAGE", "PROVIDER_NOT_FOUND", "INVALID_REQUEST"]);

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}

function hintFor(error: G4FError): string | undefined {
  const details = error as G4FError & {
    retryAfter?: number;
    timeout?: string;
    supportedModels?: readonly string[];
    suggestions?: readonly string[];
    attempts?: readonly ProviderAttempt[];
  };
  switch (error.code) {
    case "MISSING_AUTH":
      return "Log in to the site in a browser, or pass --cookies-file <file> (JSON, HAR or cookies.txt), or put cookie files in --cookies-dir / G4F_COOKIES_DIR. `g4f cookies <domain>` shows what is found.";
    case "RATE_LIMITED":
      return details.retryAfter === undefined
        ? "Wait a moment and run it again."
        : `Wait ${details.retryAfter} s and run it again.`;
    case "MODEL_NOT_SUPPORTED":
      return "`g4f providers` lists each provider's models; pick one with --model or --provider Provider:model.";
    case "PROVIDER_NOT_FOUND":
      return "`g4f providers` lists the registered providers; load your own with --plugin <module>.";
    case "PROVIDER_NOT_WORKING":
      return "Point it at a live server with --base-url <url> (or OPENASSISTANT_BASE_URL), or try `g4f demo`.";
    case "TIMEOUT":
      return details.timeout === "total"
        ? "The answer took longer than --timeout; raise it, or check the server."
        : "The server went quiet; raise --timeout / --idle-timeout, or check the server.";
    case "NETWORK_ERROR":
      return "Check --base-url, your connection and --proxy / G4F_PROXY.";
    case "RESPONSE_STATUS":
      return error.isRetryable
        ? "The server had a problem; try again in a moment."
        : "Check --base-url points at the right server; --debug shows the exchange.";
    case "STREAM_ERROR":
    case "INVALID_RESPONSE":
      return "The server's answer broke off or was not what the provider expects; try again, or run with --debug.";
    case "ALL_PROVIDERS_FAILED":
      return "Every provider failed; --debug shows each attempt.";
    case "MISSING_REQUIREMENTS":
      return "Install the missing package (npm install <package>) and run it again.";
    case "ABORTED":
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Maps anything thrown to the line, hint and exit code the CLI prints.
 * @param error - what was caught.
 * @returns the report; unknown errors get code `INTERNAL` and exit code 1.
 */
export function describeError(error: unknown): ErrorReport {
  if (UsageError.isInstance(error)) {
    const report: ErrorReport = { code: "USAGE", message: oneLine(error.message), exitCode: ExitCode.usage };
    if (error.hint !== undefined) report.hint = error.hint;
    return report;
  }
  if (G4FError.isInstance(error)) {
    const report: ErrorReport = {
      code: String(error.code),
      message: oneLine(error.message),
      exitCode: USAGE_CODES.has(String(error.code)) ? ExitCode.usage : ExitCode.failure,
    };
    const hint = hintFor(error);
    if (hint !== undefined) report.hint = hint;
    return report;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    code: "INTERNAL",
    message: oneLine(message),
    hint: "This looks like a bug in g4f; run it again with --debug and report the output.",
    exitCode: ExitCode.failure,
  };
}
