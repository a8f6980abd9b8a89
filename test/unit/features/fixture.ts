/**
 * Fixtures for the feature tests: the fixture workspace's sources as an
 * in-memory corpus, and drafts with a cursor marked `|`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDraft } from '../../../server/src/core/draft/parseDraft';
import type { Draft } from '../../../server/src/core/draft/model';
import { corpusFromTexts, type Corpus } from '../../../server/src/core/index/corpus';

/** The sources of test/fixtures/workspace, by path under `sources/`. */
export const FIXTURE_SOURCES: Record<string, string> = Object.fromEntries(
  ['harbour-ferry.md', 'ferry-objections.txt', 'business/port-finances-2024.md'].map((path) => [
    path,
    readFileSync(join(__dirname, '../../fixtures/workspace/sources', path), 'utf8'),
  ]),
);

let shared: Corpus | undefined;

/** The fixture corpus (built once; tests must not change it). */
export function fixtureCorpus(): Corpus {
  shared ??= corpusFromTexts(FIXTURE_SOURCES);
  return shared;
}

/** A draft whose text marks the cursor with `|`: the parsed draft (marker removed) and the offset. */
export function draftAt(marked: string): { draft: Draft; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0 || marked.indexOf('|', offset + 1) >= 0) throw new Error('mark the cursor with exactly one "|"');
  return { draft: parseDraft(marked.slice(0, offset) + marked.slice(offset + 1)), offset };
}

/** Two short articles with titled names, names with lower-case particles and a role stated in both. */
export const TALKS_SOURCES: Record<string, string> = {
  'syria.txt': 'Syria talks resume\n\nThe talks resumed in Geneva on Monday, officials said.\n\nSyrian President Bashar al-Assad met Russian President Vladimir Putin in Moscow.\n\nAssad said the talks would go on. Putin agreed.\n\nLeonardo Perdigao de Oliveira, the UN envoy, was also present.\n',
  'kremlin.txt': 'Kremlin hosts talks\n\nVladimir Putin welcomed Bashar al-Assad to the Kremlin.\n\nRussian President Vladimir Putin said the visit was useful. Former Prime Minister Dmitry Medvedev also attended.\n',
};

let talks: Corpus | undefined;

/** The corpus of {@link TALKS_SOURCES} (built once; tests must not change it). */
export function talksCorpus(): Corpus {
  talks ??= corpusFromTexts(TALKS_SOURCES);
  return talks;
}
