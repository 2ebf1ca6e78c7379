import { InvalidServerOptionError } from "../errors/invalid-server-option-error.js";
import type { FaultAction, FaultRule, RouteName } from "../fault-types.js";

/** Every route name a rule may use. */
export const ROUTE_NAMES: readonly RouteName[] = [
  "chat.create",
  "chat.list",
  "chat.get",
  "chat.delete",
  "chat.update",
  "prompter_message",
  "assistant_message",
  "events",
  "message",
  "models",
];

const AFTER_TOKENS = new Set(["errorEvent", "drop", "stall", "endWithoutMessage", "malformed"]);
const NO_FIELDS = new Set(["hang", "reset", "pendingForever", "alreadyFinished", "lfFraming", "splitWrites"]);
const WITH_MS = new Set(["delay", "firstTokenDelay"]);

function isCount(value: unknown, minimum: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= minimum;
}

function fail(detail: string): never {
  throw new InvalidServerOptionError(
    `Invalid fault rule: ${detail}. See FaultRule in the @g4f/openassistant-server README.`,
  );
}

function validateAction(action: unknown): FaultAction {
  if (typeof action !== "object" || action === null) fail("`action` must be an object with a `type`");
  const candidate = action as Record<string, unknown>;
  const type = candidate.type;
  if (typeof type !== "string") fail("`action.type` must be a string");
  if (type === "respond") {
    if (!isCount(candidate.status, 100) || (candidate.status as number) > 599)
      fail("`respond` needs an HTTP `status` (100-599)");
    if (candidate.body !== undefined && typeof candidate.body !== "string")
      fail("`respond.body` must be a string");
    if (candidate.headers !== undefined) {
      const headers = candidate.headers;
      if (
        typeof headers !== "object" ||
        headers === null ||
        Object.values(headers).some((value) => typeof value !== "string")
      )
        fail("`respond.headers` must map names to strings");
    }
  } else if (WITH_MS.has(type)) {
    if (!isCount(candidate.ms, 0)) fail(`\`${type}\` needs \`ms\`, a whole number ≥ 0`);
  } else if (AFTER_TOKENS.has(type)) {
    if (!isCount(candidate.afterTokens, 0)) fail(`\`${type}\` needs \`afterTokens\`, a whole number ≥ 0`);
  } else if (type === "pings") {
    if (!isCount(candidate.intervalMs, 0))
      fail("`pings` needs `intervalMs`, a whole number ≥ 0 (0 = no pings)");
    if (candidate.style !== undefined && candidate.style !== "comment" && candidate.style !== "legacy")
      fail('`pings.style` must be "comment" or "legacy"');
  } else if (!NO_FIELDS.has(type)) {
    fail(`unknown action type ${JSON.stringify(type)}`);
  }
  return candidate as unknown as FaultAction;
}

/** Checks a rule from options or the admin API and returns a copy; throws {@link InvalidServerOptionError}. */
export function validateFaultRule(rule: unknown): FaultRule {
  if (typeof rule !== "object" || rule === null) fail("a rule must be an object with `route` and `action`");
  const candidate = rule as Record<string, unknown>;
  const route = candidate.route;
  if (route !== "*" && !ROUTE_NAMES.includes(route as RouteName))
    fail(`\`route\` must be "*" or one of ${ROUTE_NAMES.join(", ")}`);
  if (candidate.chatId !== undefined && typeof candidate.chatId !== "string")
    fail("`chatId` must be a string");
  if (candidate.nth !== undefined && !isCount(candidate.nth, 1)) fail("`nth` must be a whole number ≥ 1");
  if (candidate.times !== undefined && !isCount(candidate.times, 1))
    fail("`times` must be a whole number ≥ 1");
  const validated: FaultRule = { route: route as RouteName | "*", action: validateAction(candidate.action) };
  if (typeof candidate.chatId === "string") validated.chatId = candidate.chatId;
  if (typeof candidate.nth === "number") validated.nth = candidate.nth;
  if (typeof candidate.times === "number") validated.times = candidate.times;
  return validated;
}
