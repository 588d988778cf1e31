import { ConversationState, type StoreItem, type TurnContext } from 'botbuilder';

/** What this turn read: the state object handed out, its hash then, and the eTag it was stored under. */
interface Loaded {
  readonly state: StoreItem;
  readonly hash: string;
  readonly eTag: string | undefined;
}

/**
 * ConversationState that saves with the eTag it read at the start of the turn. botbuilder's BotState saves with
 * eTag "*" (last writer wins), so when two instances answer the same conversation at once, one silently loses the
 * other's update. Here the second save fails with the storage's StateConflictError instead, and the caller can
 * re-run the turn on the newer state (MslBot does, once).
 *
 * A second save in the same turn writes unconditionally: the store does not say which eTag the first save left.
 * The bot saves once a turn.
 */
export class OptimisticConversationState extends ConversationState {
  private readonly loadedKey = Symbol('conversation state as read this turn');

  override async load(context: TurnContext, force = false): Promise<StoreItem> {
    const state = await super.load(context, force);
    const loaded = context.turnState.get(this.loadedKey) as Loaded | undefined;
    if (force || loaded?.state !== state) {
      // A state cleared this turn is a fresh object without the eTag; the one read at the start still applies.
      const eTag = typeof state.eTag === 'string' ? state.eTag : force ? undefined : loaded?.eTag;
      context.turnState.set(this.loadedKey, { state, hash: stateHash(state), eTag });
    }
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const state = this.get(context);
    if (!state) return;
    const loaded = context.turnState.get(this.loadedKey) as Loaded | undefined;
    const hash = stateHash(state);
    if (!force && loaded !== undefined && loaded.state === state && loaded.hash === hash) return;
    const key = await this.storageKey(context);
    // No eTag: nothing was stored when the turn began, and the storage contract has no "create only" to ask for.
    await this.storage.write({ [key]: { ...state, eTag: loaded?.eTag ?? '*' } });
    context.turnState.set(this.loadedKey, { state, hash, eTag: '*' });
  }
}

/**
 * The state as JSON without its eTag, to tell whether a turn changed it: what botbuilder's calculateChangeHash
 * computes, with the built-in JSON.stringify, since state read from storage is plain JSON (a third of the cost).
 */
function stateHash(state: StoreItem): string {
  const { eTag: _eTag, ...rest } = state;
  return JSON.stringify(rest);
}
