import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConversationState, type TurnContext } from 'botbuilder';
import { AuthenticationConstants, AuthenticationError, type AuthenticateRequestResult, type ClaimsIdentity, type ConnectorClient } from 'botframework-connector';
import { appIdOf, BoundedCache, ReusingConnectorFactory, type UserTokenClient } from './outbound/reused-clients.js';
import { StatusCodes, type Activity, type InvokeResponse } from 'botbuilder';
import type { BotAuthConfig, BotConfig } from './config.js';
import { connectorHttpClient } from './outbound/connector-http-client.js';
import { ServiceUrlPolicy } from './outbound/service-url-policy.js';
import { StorageUnavailableError } from './storage/state-errors.js';

/** What the user sees when a turn fails: no detail, which belongs in the log. */
export const APOLOGY = 'Sorry, something went wrong on my side. Please try asking again.';

export interface ErrorLog {
  error(...args: unknown[]): void;
}

/**
 * The Bot Framework adapter, authenticating with the configured app registration (none when the app id is empty).
 * Replies go out through connectorHttpClient: a timeout, no redirects, and without an app id only to loopback and
 * ALLOWED_SERVICE_URLS.
 * A failed turn is logged, apologised for, and its conversation state dropped so one bad state cannot break every later turn.
 */
export function createAdapter(config: BotConfig, conversationState?: ConversationState, log: ErrorLog = console, policy = serviceUrlPolicy(config)): TurnAdapter {
  const httpClient = connectorHttpClient({ timeoutMs: config.connector.timeoutMs, policy });
  const adapter = new TurnAdapter(new StrictAuthentication(authSettings(config.auth), undefined, undefined, undefined, { httpClient }));
  adapter.onTurnError = turnErrorHandler(conversationState, log);
  return adapter;
}

/** Where replies may go: without an app id, only loopback and ALLOWED_SERVICE_URLS; with one, wherever the token says. */
export function serviceUrlPolicy(config: BotConfig): ServiceUrlPolicy | undefined {
  return config.authEnabled ? undefined : new ServiceUrlPolicy(config.connector.allowedServiceUrls);
}

/**
 * CloudAdapter, with its protected processActivity offered to the server: /api/messages has already parsed and checked
 * the request, which CloudAdapter.process would parse and check again (see http/process-turn.ts).
 */
export class TurnAdapter extends CloudAdapter {
  runTurn(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

/** Logs a failed turn, apologises, and drops the conversation's state; any adapter's onTurnError. */
export function turnErrorHandler(conversationState: ConversationState | undefined, log: ErrorLog): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    log.error({ err: error, conversationId: context.activity?.conversation?.id }, 'turn failed');
    try {
      await context.sendActivity(APOLOGY);
    } catch (sendError) {
      log.error({ err: sendError }, 'turn failed, and so did the apology');
    }
    // With the store down the state is not the trouble, and clearing it would wait on the store once more.
    if (error instanceof StorageUnavailableError) return;
    try {
      await conversationState?.delete(context);
    } catch (stateError) {
      log.error({ err: stateError }, 'turn failed, and its conversation state could not be cleared');
    }
  };
}

// What jsonwebtoken throws for a bad signature, a malformed token or one outside its validity window.
const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * The SDK's authentication, except that a token with a forged signature is refused with 401: the SDK lets
 * jsonwebtoken's error through, which CloudAdapter answers with 500 as if the bot were broken.
 */
export class StrictAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new BoundedCache<Promise<ConnectorClient>>();
  private readonly tokenClients = new BoundedCache<Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      const result = await super.authenticateRequest(activity, authHeader);
      // The same clients for every turn of this app (see outbound/reused-clients.ts).
      return result.connectorFactory ? { ...result, connectorFactory: new ReusingConnectorFactory(result.connectorFactory, appIdOf(result.claimsIdentity), this.connectors) } : result;
    } catch (error) {
      if (error instanceof Error && TOKEN_ERRORS.has(error.name)) throw new AuthenticationError(`Unauthorized: ${error.message}`, StatusCodes.UNAUTHORIZED);
      throw error;
    }
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.get(appIdOf(identity), () => super.createUserTokenClient(identity));
  }
}

/**
 * The settings for ConfigurationBotFrameworkAuthentication. Overriding where channel keys are published switches
 * the SDK to its "parameterized" mode, in which every endpoint left unset is empty rather than the public cloud's,
 * so the public cloud's are filled in for the rest.
 */
export function authSettings(auth: BotAuthConfig): Record<string, string> {
  const { BotOpenIdMetadata, ...rest } = auth;
  if (!BotOpenIdMetadata) return { ...rest };
  return {
    ...rest,
    ToBotFromChannelOpenIdMetadataUrl: BotOpenIdMetadata,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}
