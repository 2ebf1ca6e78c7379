import type { BrowserName, SecretProvider } from "../../types.js";
import { browserInfo } from "../browser-table.js";
import { runSecretCommand, stripLineBreak } from "./run-secret-command.js";

/** Reads a Chromium password from libsecret (`secret-tool`), then KWallet (`kwallet-query`). */
async function linuxKeyring(browser: BrowserName, signal?: AbortSignal): Promise<string | undefined> {
  const info = browserInfo(browser, "linux");
  const fromLibsecret = await runSecretCommand(
    "secret-tool",
    ["lookup", "application", info.secretToolApplication],
    signal === undefined ? {} : { signal },
  );
  if (fromLibsecret !== undefined && fromLibsecret !== "") return stripLineBreak(fromLibsecret);
  const fromKwallet = await runSecretCommand(
    "kwallet-query",
    [
      "--read-password",
      `${info.safeStorageName} Safe Storage`,
      "--folder",
      `${info.safeStorageName} Keys`,
      "kdewallet",
    ],
    signal === undefined ? {} : { signal },
  );
  if (fromKwallet === undefined || fromKwallet === "" || /^failed to read/i.test(fromKwallet))
    return undefined;
  return stripLineBreak(fromKwallet);
}

/** Reads "<account> Safe Storage" from the macOS Keychain (may show the user a prompt). */
async function macKeychain(account: string, signal?: AbortSignal): Promise<string | undefined> {
  const output = await runSecretCommand(
    "security",
    ["find-generic-password", "-w", "-s", `${account} Safe Storage`],
    signal === undefined ? {} : { signal },
  );
  return output === undefined || output === "" ? undefined : stripLineBreak(output);
}

// Reads base64 from stdin, unprotects it for the current user, writes base64: no secret in argv.
const dpapiScript = [
  "$ErrorActionPreference = 'Stop'",
  "Add-Type -AssemblyName System.Security",
  "$in = [Convert]::FromBase64String([Console]::In.ReadToEnd().Trim())",
  "$out = [Security.Cryptography.ProtectedData]::Unprotect($in, $null, [Security.Cryptography.DataProtectionScope]::CurrentUser)",
  "[Console]::Out.Write([Convert]::ToBase64String($out))",
].join("; ");

/** Unprotects a DPAPI blob with PowerShell's `ProtectedData.Unprotect`, the blob on stdin. */
async function windowsDpapi(blob: Uint8Array, signal?: AbortSignal): Promise<Uint8Array> {
  const output = await runSecretCommand(
    "powershell.exe",
    ["-NoProfile", "-NonInteractive", "-Command", dpapiScript],
    { input: Buffer.from(blob).toString("base64"), ...(signal === undefined ? {} : { signal }) },
  );
  if (output === undefined || output.trim() === "") throw new Error("DPAPI could not unprotect the blob");
  return new Uint8Array(Buffer.from(output.trim(), "base64"));
}

/**
 * The operating system's secret stores, reached through their command-line tools with
 * `execFile` (no shell), a 5 s timeout and the caller's signal. Used when `options.secrets`
 * does not replace them.
 * @internal
 */
export const osSecretProvider: Required<SecretProvider> = { linuxKeyring, macKeychain, windowsDpapi };
