import type { FaultAction, FaultRule, RouteName } from "../fault-types.js";
import type { FiredFaultRecord } from "../server-state.js";
import { validateFaultRule } from "./validate-fault-rule.js";

interface ActiveRule {
  id: string;
  rule: FaultRule;
  seen: number;
  fired: number;
}

/** The fault rules in force, with per-rule counters. */
export class FaultRegistry {
  private rules: ActiveRule[] = [];
  private nextId = 1;
  private readonly fired: FiredFaultRecord[];

  /** @param fired - where fired faults are recorded (the state's `firedFaults`). */
  constructor(fired: FiredFaultRecord[]) {
    this.fired = fired;
  }

  /** Adds a rule (validated) and returns its id. */
  add(rule: FaultRule): string {
    const validated = validateFaultRule(rule);
    const id = `fault-${this.nextId++}`;
    this.rules.push({ id, rule: validated, seen: 0, fired: 0 });
    return id;
  }

  /** Removes one rule; unknown ids are ignored. */
  remove(id: string): void {
    this.rules = this.rules.filter((active) => active.id !== id);
  }

  /** Removes every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The number of rules in force. */
  get size(): number {
    return this.rules.length;
  }

  /**
   * The actions of every rule that fires for this request, in the order the rules were added;
   * counts the request for each matching rule and records what fired.
   */
  match(route: RouteName, chatId: string | undefined): FaultAction[] {
    if (this.rules.length === 0) return [];
    const actions: FaultAction[] = [];
    for (const active of this.rules) {
      const { rule } = active;
      if (rule.route !== "*" && rule.route !== route) continue;
      if (rule.chatId !== undefined && rule.chatId !== chatId) continue;
      active.seen++;
      const nth = rule.nth ?? 1;
      const times = rule.times ?? (rule.nth !== undefined ? 1 : Number.POSITIVE_INFINITY);
      if (active.seen < nth || active.fired >= times) continue;
      active.fired++;
      actions.push(rule.action);
      this.fired.push({ id: active.id, route, action: rule.action.type });
    }
    return actions;
  }
}
