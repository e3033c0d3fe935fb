import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { SafeWebhookUrl } from '@polyplus/webhooks';

export type WebhookResponse = { statusCode: number };

export type SendWebhook = (
  target: SafeWebhookUrl,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
) => Promise<WebhookResponse>;

/** Connects only to the addresses the safety check approved: a second DNS answer cannot redirect the request. */
function pinnedLookup(target: SafeWebhookUrl): LookupFunction {
  return (_hostname, options, callback) => {
    const [first] = target.addresses;
    if ((options as { all?: boolean }).all) (callback as (error: null, addresses: typeof target.addresses) => void)(null, target.addresses);
    else callback(null, first.address, first.family);
  };
}

/**
 * POSTs one signed delivery and resolves with the status code; rejects on a network error or when
 * no complete answer came within `timeoutMs`. Redirects are not followed (a 3xx is a failure), and
 * the answer's body is read and discarded.
 */
export const sendWebhook: SendWebhook = (target, headers, body, timeoutMs) =>
  new Promise((resolve, reject) => {
    const options: RequestOptions = {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'PolyPlus-Webhooks/1.0',
      },
      lookup: pinnedLookup(target),
    };
    const send = target.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(target.url, options, (response) => {
      response.on('data', () => undefined);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ statusCode: response.statusCode ?? 0 });
      });
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const timer = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
