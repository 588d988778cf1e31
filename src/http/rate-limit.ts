import restify from 'restify';
import type { RateLimitConfig } from '../config.js';
import { clientKeyer } from './client-address.js';

/**
 * Routes the per-client limit leaves alone, by the path they were registered with. Every other route is limited,
 * so a route added later is limited unless someone lists it here on purpose.
 * - /api/messages: with an app id only the Bot Framework may call it, and its traffic comes from a few service
 *   addresses that a per-client limit would throttle for everyone.
 * - The probes: a load balancer polls them from one address.
 */
export const UNLIMITED_ROUTES: ReadonlySet<string> = new Set(['/api/messages', '/healthz', '/readyz']);

/**
 * restify's throttle, per client (IPv4 address or IPv6 /64; see TRUST_PROXY for who the client is), on every route
 * but the unlimited ones; none when perSecond is 0. It runs as a `use` handler, after routing, so it judges the
 * route the router chose from the decoded path, not the raw path a client can spell in many ways.
 */
export function publicRateLimit({ perSecond, burst, trustProxy }: RateLimitConfig): restify.RequestHandler {
  if (perSecond <= 0) return (_req, _res, next) => next();
  // restify's throttle keys on one request attribute; `username` is the one it lets us set (this server never
  // parses credentials into it), so it carries the client key computed here.
  const throttle = restify.plugins.throttle({ rate: perSecond, burst, username: true });
  const clientKey = clientKeyer(trustProxy);
  return (req, res, next) => {
    const route = req.getRoute();
    if (route && typeof route.path === 'string' && UNLIMITED_ROUTES.has(route.path)) return next();
    req.username = clientKey(req);
    return throttle(req, res, next);
  };
}
