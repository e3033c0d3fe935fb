import type { IncomingMessage } from 'node:http';

/** How much of a refused request's body is read and thrown away before the connection is cut instead. */
export const DISCARD_LIMITS = { bytes: 64 * 1024 * 1024, ms: 10_000 };

/**
 * Answers a request whose body will not be used (a refused upload) once the rest of that body has
 * been read and thrown away. Answering and closing while the client still sends makes the server's
 * TCP stack send a reset, and a reset makes the client's stack drop the answer it has not read yet:
 * the client would see a broken connection instead of the refusal. A body beyond the limits is not
 * waited for: the answer goes out and the connection is cut.
 */
export function answerAfterUnreadBody(request: IncomingMessage, answer: () => void, limits = DISCARD_LIMITS): void {
  if (request.complete || request.destroyed) return answer();
  let discarded = 0;
  let answered = false;
  const answerOnce = () => {
    if (answered) return;
    answered = true;
    clearTimeout(timer);
    answer();
  };
  const answerAndCut = () => {
    answerOnce();
    request.destroy();
  };
  const timer = setTimeout(answerAndCut, limits.ms);
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limits.bytes) answerAndCut();
  });
  request.once('end', answerOnce);
  request.once('close', () => clearTimeout(timer));
  request.resume();
}
