/**
 * Glue words that carry no topic. Question words (what, how, why, where, which, who, when) and
 * "msl" are deliberately not here: "what is an MSL" and "how do I become one" need them.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(`
a an the is are was were be been being am do does did doing done to of in on at by for from with about
as into onto over than then that this these those there here it its it's they them their theirs he she
his her i me my mine we us our you your yours i'm im ive i've id i'd dont don't doesnt isnt arent can
could would should will shall may might must have has had having get gets got just also so very really
quite pretty some any all much many more most such and or but if not no yes ok okay please thanks thank
tell know want wanna like let lets let's say said give show explain describe one ones kind sort type thing
things stuff someone somebody something anything way ways lot lots bit
`.split(/\s+/).filter(Boolean));

/** Words that only shape a question; they are features for the classifier but say nothing about the topic. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(['what', 'how', 'why', 'where', 'which', 'who', 'when', 'msl']);
