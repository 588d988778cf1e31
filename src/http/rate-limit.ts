import restify from 'restify';
import type { RateLimitConfig } from '../config.js';

/**
 * Routes anyone on the internet can call: the chat page and its files, its API and the local Direct Line.
 * /api/messages is left out: with an app id only the Bot Framework may call it, and its traffic comes from a few
 * service addresses that a per-address limit would throttle for everyone. Probes and the bot's own replies to the
 * local Direct Line (the /v3/conversations connector routes, from this process) are left out too.
 */
const PUBLIC_PATH = /^\/(?:$|embed|chat\.|logo\.|webchat\/|api\/chat-config|api\/directline\/|v3\/directline\/)/;

/** restify's throttle, per client address, on the public routes only; none when perSecond is 0. */
export function publicRateLimit({ perSecond, burst }: RateLimitConfig): restify.RequestHandler {
  if (perSecond <= 0) return (_req, _res, next) => next();
  const throttle = restify.plugins.throttle({ rate: perSecond, burst, ip: true });
  return (req, res, next) => (PUBLIC_PATH.test(req.path()) ? throttle(req, res, next) : next());
}
