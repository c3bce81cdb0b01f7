/**
 * Worker thread of the playground's Approx tab: compiles one input at a
 * time and posts the plain result back, its picture's typed arrays
 * transferred. A compile stops itself at the live time budget; the main
 * thread terminates this thread when the inputs change mid-compile, so
 * nothing here needs to watch for cancellation.
 */
import { parentPort } from 'node:worker_threads';
import { type ApproxRequest, computeApprox, toReply } from './approxCompute.js';

parentPort?.on('message', (request: ApproxRequest) => {
  const { reply, transfer } = toReply(
    request.id,
    computeApprox(request.input, request.maxWords, Date.now, request.maxSeconds),
  );
  parentPort!.postMessage(reply, transfer);
});
