/**
 * Worker-thread entry (bundled to dist/extractWorker.js): runs the core's
 * `extractSource` on each file the main thread posts and posts the result back.
 * See parallelExtractor.ts for the protocol and why.
 */
import { parentPort } from 'node:worker_threads';
import { extractSource } from '../core/corpus/extractSource';
import type { ExtractRequest, ExtractResponse } from './parallelExtractor';

const port = parentPort;
if (port) {
  port.on('message', (request: ExtractRequest) => {
    // extractSource never throws. Results travel as structured clones (as cheap as JSON here, and exact: undefined fields survive).
    const response: ExtractResponse = { results: request.inputs.map((input) => extractSource(input)) };
    port.postMessage(response);
  });
  port.postMessage({ ready: true } satisfies ExtractResponse);
}
