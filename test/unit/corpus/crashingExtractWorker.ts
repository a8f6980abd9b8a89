/**
 * Test fixture: an extraction worker (same protocol as server/src/node/extractWorker.ts)
 * that dies with exit code 7 when asked to extract a file whose path contains "crash".
 */
import { parentPort } from 'node:worker_threads';
import { extractSource } from '../../../server/src/core/corpus/extractSource';
import type { ExtractRequest, ExtractResponse } from '../../../server/src/node/parallelExtractor';

const port = parentPort;
if (port) {
  port.on('message', (request: ExtractRequest) => {
    if (request.inputs.some((input) => input.path.includes('crash'))) process.exit(7);
    port.postMessage({ results: request.inputs.map((input) => extractSource(input)) } satisfies ExtractResponse);
  });
  port.postMessage({ ready: true } satisfies ExtractResponse);
}
