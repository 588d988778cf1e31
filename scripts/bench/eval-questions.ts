import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Activity } from 'botbuilder';
import { EvalCases } from '../../src/eval/eval-cases.js';
import { EVAL_SETS } from '../../src/paths.js';

export interface EvalSet {
  readonly name: string;
  /** Each conversation a list of questions asked in turn. */
  readonly conversations: readonly (readonly string[])[];
}

/** The project's evaluation sets, by file name. */
export function evalSets(): EvalSet[] {
  return EVAL_SETS.map(({ file }) => ({
    name: basename(file, '.json'),
    conversations: EvalCases.parse(JSON.parse(readFileSync(file, 'utf8'))).cases.map((c) => c.turns.map((t) => t.q)),
  }));
}

/** The project's evaluation conversations, each a list of questions asked in turn. */
export function evalConversations(): string[][] {
  return evalSets().flatMap((s) => s.conversations.map((c) => [...c]));
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
