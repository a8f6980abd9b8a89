/**
 * The corpus the labelled drafts in test/eval/ are written against: the three
 * seed articles under the keys `cism`, `sco` and `roc`, and BBC articles under
 * their paths (`business/001`, ...). Shared by the checks evaluation and the
 * checks benchmark. Reads ../shared (read-only); returns null when it is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extractSource } from '../../server/src/core/corpus/extractSource';
import { Corpus } from '../../server/src/core/index/corpus';

/** The shared data folder next to the repository. */
export const SHARED = resolve(__dirname, '../../../shared');

/** Seed files and the keys the eval drafts cite them by. */
const SEED_KEYS: Record<string, string> = {
  '000_4d86c12eede1f53f.txt': 'cism',
  '001_14f296bd1ecfc421.txt': 'sco',
  '002_8de11f6548f7c0fb.txt': 'roc',
};

/**
 * Builds the evaluation corpus. `bbc`: `'all'` indexes every BBC article (the
 * realistic setting: many distractors), or a list of topics.
 */
export function buildEvalCorpus(bbc: 'all' | string[] = 'all'): Corpus | null {
  const seeds = join(SHARED, 'seeds');
  const bbcRoot = join(SHARED, 'corpora/bbc');
  if (!existsSync(seeds) || !existsSync(bbcRoot)) return null;
  const corpus = new Corpus();
  const add = (path: string, file: string) => {
    const result = extractSource({ uri: `file://${file}`, path, bytes: readFileSync(file) });
    if ('key' in result) corpus.upsert(result);
  };
  for (const [file, key] of Object.entries(SEED_KEYS)) add(`${key}.txt`, join(seeds, file));
  const topics = bbc === 'all' ? readdirSync(bbcRoot).filter((t) => !t.includes('.')) : bbc;
  for (const topic of topics) {
    for (const file of readdirSync(join(bbcRoot, topic)).filter((f) => f.endsWith('.txt')).sort()) add(`${topic}/${file}`, join(bbcRoot, topic, file));
  }
  return corpus;
}
