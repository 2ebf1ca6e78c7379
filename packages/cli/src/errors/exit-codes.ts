/** Exit codes of the g4f command. */
export const ExitCode = {
  /** Everything worked. */
  ok: 0,
  /** Something failed at run time (network, auth, rate limit, timeout, broken stream…). */
  failure: 1,
  /** The command line is wrong: unknown command or option, bad value, unknown provider or model. */
  usage: 2,
  /** Interrupted by Ctrl-C (SIGINT) after the provider's cleanup ran. */
  interrupted: 130,
} as const;
