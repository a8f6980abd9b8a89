/**
 * V8 settings for the processes that index sources (the language server, the
 * command line), applied at startup before any extraction code is optimised.
 *
 * A cold index runs each extractor over thousands of articles once; V8 spends
 * much of that pass compiling the extractors with TurboFan, and by default it
 * inlines callees into a function up to a large cumulative budget, so a few big
 * functions (name resolution, quote attribution) are compiled as huge units, and
 * again after each deoptimisation. A smaller inlining budget makes each compile
 * cheap while leaving the optimised code about as fast. Measured on BBC (2,225
 * articles) with V8 single-threaded so compile time counts on one clock: the
 * first extraction pass took 3.3-3.9 s CPU by default and 2.7-3.1 s with this
 * budget; later passes 1.10-1.20 s either way.
 *
 * V8 flags are per process, so worker threads started afterwards share them.
 */
import { setFlagsFromString } from 'node:v8';

/** The flags set by {@link applyV8Tuning}. */
export const V8_TUNING_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=100'];

/** Sets {@link V8_TUNING_FLAGS}; call it first thing in an entry point. */
export function applyV8Tuning(): void {
  for (const flag of V8_TUNING_FLAGS) setFlagsFromString(flag);
}
