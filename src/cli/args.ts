/**
 * The headless runner's command line: FILE [--json] [--seed N] [--duration SEC]. Parsing is kept
 * apart from running so that tests can check every refusal without spawning a process.
 */

export interface SimArgs {
  target: string;
  json: boolean;
  seed: number | null;
  durationSec: number | null;
}

export const USAGE =
  'usage: npm run --silent sim -- FILE|NAME [--json] [--seed N] [--duration SEC]';

export function parseArgs(
  argv: readonly string[],
): { ok: true; args: SimArgs } | { ok: false; error: string } {
  const args: SimArgs = { target: '', json: false, seed: null, durationSec: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--seed' || arg === '--duration') {
      const value = argv[++i];
      if (value === undefined) return { ok: false, error: `${arg}: needs a value` };
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) {
        return { ok: false, error: `${arg}: '${value}' is not a number` };
      }
      if (arg === '--seed') args.seed = n;
      else args.durationSec = n;
    } else if (arg === '--help' || arg === '-h') return { ok: false, error: USAGE };
    else if (arg.startsWith('-')) return { ok: false, error: `${arg}: unknown option; ${USAGE}` };
    else if (args.target)
      return { ok: false, error: `${arg}: only one scenario at a time; ${USAGE}` };
    else args.target = arg;
  }
  if (!args.target) return { ok: false, error: `no scenario given; ${USAGE}` };
  return { ok: true, args };
}
