import { z } from 'zod';

/** How long to wait for Azure's Direct Line to hand out a token before telling the page it failed. */
export const TOKEN_REQUEST_TIMEOUT_MS = 10_000;

/** What Direct Line's tokens/generate answers; anything else means the service is not what we think. */
const GeneratedToken = z.looseObject({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().positive(),
});

export interface DirectLineToken {
  readonly conversationId: string;
  readonly token: string;
  readonly expiresIn: number;
  readonly userId: string;
}

/** Why a token could not be had; the message is safe to log and never contains the secret. */
export class DirectLineTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectLineTokenError';
  }
}

export interface AzureTokenRequest {
  /** Base URL of the Direct Line service, e.g. https://directline.botframework.com. */
  readonly endpoint: string;
  readonly secret: string;
  /** The user the token speaks for; Azure wants "dl_" ids for tokens. */
  readonly userId: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
}

/**
 * Exchanges the Direct Line secret for a token for one new conversation. This runs on the server so the secret never
 * reaches a browser; the page gets only the token, which works for that one conversation and expires.
 */
export async function fetchAzureDirectLineToken(request: AzureTokenRequest): Promise<DirectLineToken> {
  const doFetch = request.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${request.endpoint}/v3/directline/tokens/generate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${request.secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: request.userId } }),
      signal: AbortSignal.timeout(request.timeoutMs ?? TOKEN_REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    throw new DirectLineTokenError(`Direct Line could not be reached: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!response.ok) throw new DirectLineTokenError(`Direct Line refused the token request with status ${response.status}`);
  const generated = GeneratedToken.safeParse(await response.json().catch(() => undefined));
  if (!generated.success) throw new DirectLineTokenError('Direct Line answered the token request with something that is not a token');
  return { conversationId: generated.data.conversationId, token: generated.data.token, expiresIn: generated.data.expires_in, userId: request.userId };
}
