/**
 * Runs a scenario to its end in one go, for the command line, tests and benchmarks.
 */
import type { Scenario } from './scenario/schema.ts';
import { Simulation, type SimulationOptions } from './simulation.ts';
import { summarize, type RunSummary } from './summary.ts';

export function runToEnd(
  scenario: Scenario,
  options?: SimulationOptions,
): { sim: Simulation; summary: RunSummary } {
  const sim = new Simulation(scenario, options);
  sim.runUntil(sim.durationMs);
  return { sim, summary: summarize(sim) };
}
