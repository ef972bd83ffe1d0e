/**
 * Live changes. A patch names the parts of a scenario to change; objects merge field by field,
 * except a load, which replaces the whole load since its fields depend on its pattern. The
 * result is checked again as a whole, so a patch cannot make a scenario invalid (for example a
 * patch with `workers` on a thread-per-connection server is refused).
 */
import type { Patch, Scenario } from './schema.ts';
import { scenarioSchema } from './schema.ts';
import { describeIssue, PARSE_OPTIONS, type Result } from './validate.ts';

export function mergePatch(scenario: Scenario, patch: Patch): Scenario {
  const server: Record<string, unknown> = { ...scenario.server };
  for (const [key, value] of Object.entries(patch.server ?? {})) {
    if (value !== undefined) server[key] = value;
  }
  return {
    ...scenario,
    load: patch.load ?? scenario.load,
    request: { ...scenario.request, ...definedOnly(patch.request) },
    network: patch.network ?? scenario.network,
    timeoutMs: patch.timeoutMs === undefined ? scenario.timeoutMs : patch.timeoutMs,
    retry: patch.retry === undefined ? scenario.retry : patch.retry,
    machines: { ...scenario.machines, ...definedOnly(patch.machines) },
    balancer: patch.balancer ?? scenario.balancer,
    server: server as Scenario['server'],
    cpu: { ...scenario.cpu, ...definedOnly(patch.cpu) },
  };
}

/** Applies a patch and checks the result; the message names the field and the rule. */
export function tryApplyPatch(scenario: Scenario, patch: Patch): Result<Scenario> {
  const merged = mergePatch(scenario, patch);
  const checked = scenarioSchema.safeParse(merged, PARSE_OPTIONS);
  if (checked.success) return { ok: true, value: checked.data };
  return { ok: false, errors: checked.error.issues.map(describeIssue) };
}

/** For the engine, which is handed patches that were checked already. */
export function applyPatch(scenario: Scenario, patch: Patch): Scenario {
  const result = tryApplyPatch(scenario, patch);
  if (!result.ok) throw new Error(`invalid live change: ${result.errors.join('; ')}`);
  return result.value;
}

/**
 * Every knob that can change live, at its value in `scenario`, as one patch: applied to a run of
 * the same model it brings that run to this configuration (a lesson step entered from either
 * side, a restarted worker catching up with its live changes).
 */
export function tunables(scenario: Scenario): Patch {
  const { model: _model, ...server } = scenario.server;
  return {
    load: scenario.load,
    request: scenario.request,
    network: scenario.network,
    timeoutMs: scenario.timeoutMs,
    retry: scenario.retry,
    machines: scenario.machines,
    balancer: scenario.balancer,
    server,
    cpu: scenario.cpu,
  };
}

function definedOnly<T extends object>(part: T | undefined): Partial<T> {
  if (!part) return {};
  return Object.fromEntries(Object.entries(part).filter(([, v]) => v !== undefined)) as Partial<T>;
}
