import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { EvalCases } from '../../src/eval/eval-cases.js';
import { EVAL_SETS } from '../../src/paths.js';

/** The project's evaluation conversations, each a list of questions asked in turn. */
export function evalConversations(): string[][] {
  return EVAL_SETS.flatMap(({ file }) => EvalCases.parse(JSON.parse(readFileSync(file, 'utf8'))).cases.map((c) => c.turns.map((t) => t.q)));
}

/** Every question of the evaluation sets that is not blank, in order: realistic traffic for the load tests. */
export function evalQuestions(): string[] {
  return evalConversations().flat().filter((q) => q.trim() !== '');
}

/** A message as Web Chat would send it, asking for the replies in the HTTP response. */
export function messageActivity(conversationId: string, text: string): Partial<Activity> {
  return {
    type: 'message',
    channelId: 'webchat',
    // Never called: with expectReplies the replies come back in the response.
    serviceUrl: 'http://127.0.0.1:9',
    deliveryMode: 'expectReplies',
    from: { id: 'bench-user', name: 'Bench' },
    recipient: { id: 'bot', name: 'Bot' },
    conversation: { id: conversationId } as Activity['conversation'],
    text,
  };
}
