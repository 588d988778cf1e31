/**
 * Words that never help tell one question from another: articles, prepositions, forms of "be".
 * Pronouns and auxiliaries stay in: "what can you do" and "do I need" are told apart by them.
 */
export const GLUE_WORDS: ReadonlySet<string> = new Set(`
a an the is are was were be been being am of to in on at by from with as into onto it its it's this
that these those there here please just also so very really quite pretty tell me about know want
like give show and or but
`.split(/\s+/).filter(Boolean));

/**
 * Words that shape a question but name no topic. A message whose remaining words the domain does not
 * know is about something else, however MSL-like its phrasing ("what is the weather").
 */
export const NON_TOPIC_WORDS: ReadonlySet<string> = new Set(`
a an the is are was were be been being am do does did doing done to of in on at by for from with about
as into onto over than then that this these those there here it its it's they them their theirs he she
his her i me my mine we us our you your yours im ive id dont doesnt isnt arent can could would should will
shall may might must have has had having get gets got just also so very really quite pretty some any all
much many more most such and or but if not no yes ok okay please thanks thank tell know want wanna like
let lets say said give show explain describe one ones kind sort type thing things stuff someone somebody
something anything way ways lot lots bit what how why where which who when whats hows msl good best
need needed needs go going make makes made then though instead now well oh hmm right sure actually
basically exactly anyway also either deal deals dealing happen happens happened happening gonna gotta
wonder wondering curious
`.split(/\s+/).filter(Boolean));
