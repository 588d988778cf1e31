import type { Activity } from 'botbuilder';
import { messageActivity } from '../support/activities.js';

export interface Answer {
  readonly status: number;
  /** The replies' text, and the strings inside their cards, one reply per line. */
  readonly text: string;
  readonly body: unknown;
}

/** Sends one message to /api/messages with deliveryMode expectReplies (replies in the response). */
export async function ask(base: string, conversationId: string, text: string, extra: Partial<Activity> = {}): Promise<Answer> {
  return postActivity(base, messageActivity(conversationId, { text, ...extra }));
}

/** Posts any activity to /api/messages and reads the replies returned in the response. */
export async function postActivity(base: string, activity: unknown): Promise<Answer> {
  const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const raw = await res.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // not JSON: kept as text
  }
  const activities = (body as { activities?: Partial<Activity>[] } | undefined)?.activities ?? [];
  return { status: res.status, text: activities.map((a) => a.text ?? (a.attachments?.length ? JSON.stringify(a.attachments) : '')).join('\n'), body };
}
