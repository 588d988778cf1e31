import type { Activity, ResourceResponse, TurnContext } from 'botbuilder';

export interface HeldReplies {
  /** Forgets what was held: the turn is being run again and will say it afresh. */
  discard(): void;
  /** Sends what was held, and lets later replies through. */
  release(): Promise<void>;
  /** Lets later replies through and drops what was held: the turn failed, and its apology must get out. */
  passThrough(): void;
}

/**
 * Holds the replies a turn sends until the turn's state is saved. A turn whose save loses an eTag race is re-run on
 * the newer state, and only that run's replies may reach the user; replies sent before the save would be doubled.
 */
export function holdReplies(context: TurnContext): HeldReplies {
  let held: Partial<Activity>[] | undefined = [];
  context.onSendActivities(async (_context, activities, next): Promise<ResourceResponse[]> => {
    if (!held) return next();
    held.push(...activities);
    // Ids come from the channel once really sent; nothing in this bot reads them.
    return activities.map(() => ({ id: '' }));
  });
  return {
    discard() {
      if (held) held = [];
    },
    async release() {
      const replies = held ?? [];
      held = undefined;
      if (replies.length > 0) await context.sendActivities(replies);
    },
    passThrough() {
      held = undefined;
    },
  };
}
