import type { Activity } from 'botbuilder';

/**
 * A Web Chat message activity as a test client sends it to /api/messages, with the replies asked back in the
 * HTTP response (deliveryMode expectReplies). `extra` overrides or adds fields.
 */
export function messageActivity(conversationId: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'webchat',
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    from: { id: 'user', name: 'User' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversationId } as Activity['conversation'],
    ...extra,
  };
}
