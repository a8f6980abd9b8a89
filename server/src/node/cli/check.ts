// Minimal stand-in until the checks helper writes `dossier check` (this file is theirs to overwrite).
import type { CliIO } from './io';

/** Runs `dossier check`; not available yet. */
export async function runCheck(_argv: string[], io: CliIO): Promise<number> {
  io.stderr('check: not available yet\n');
  return 2;
}
