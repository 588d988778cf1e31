import type { Activity, TurnContext } from 'botbuilder';

/**
 * Answers this process sent, by the id their channel gave them, so a vote that names only the message it is about
 * (Teams' feedback loop) can be logged with the units that message gave. People vote on recent answers, so a bounded
 * index in memory is enough; a vote that reaches another instance, or comes after the answer dropped out, is logged
 * without its units.
 */
export class AnswerIndex {
  private readonly units = new Map<string, readonly string[]>();

  /**
   * @param capacity Answers remembered: a few minutes of a busy instance's answers, at about 100 bytes each.
   */
  constructor(private readonly capacity = DEFAULT_INDEXED_ANSWERS) {}

  /** Remembers the units of `activity` under the id the channel gives it when it is really sent (not while held). */
  watch(context: TurnContext, activity: Partial<Activity>, units: readonly string[]): void {
    // The context sends a copy of the activity, and held replies are copied again when released, so it is told apart
    // by a symbol-keyed mark: copying keeps it, and JSON leaves it out of what goes on the wire.
    const mark = Symbol('answer');
    (activity as Record<symbol, unknown>)[mark] = true;
    context.onSendActivities(async (_context, activities, next) => {
      const sent = await next();
      activities.forEach((a, i) => {
        const id = sent[i]?.id;
        if ((a as Record<symbol, unknown>)[mark] && id) this.remember(id, units);
      });
      return sent;
    });
  }

  remember(id: string, units: readonly string[]): void {
    this.units.delete(id);
    this.units.set(id, units);
    if (this.units.size > this.capacity) this.units.delete(this.units.keys().next().value!);
  }

  unitsOf(id: string | undefined): readonly string[] {
    return (id && this.units.get(id)) || [];
  }
}

/** Ten thousand answers: several minutes of a busy instance, about a megabyte. */
export const DEFAULT_INDEXED_ANSWERS = 10_000;
