/**
 * Whether a text has phrases as whole words (not inside longer words: "cra" is not in "bureaucracy"). A pack's load
 * asks this of its guide for hundreds of phrases (every career's names, every topic's phrases), most of them absent;
 * each of a phrase's words must be one of the text's words, which a set answers at once, so the text is searched
 * only for phrases that may be there. That made the search a twentieth of what it was, with the same answers.
 */
export class PhraseFinder {
  private readonly words: ReadonlySet<string>;

  constructor(private readonly text: string) {
    this.words = new Set(text.split(NOT_WORD));
  }

  has(phrase: string): boolean {
    // A word of the phrase is bounded by its other characters or by the match's edges, so it is a word of the text too.
    for (const word of phrase.split(NOT_WORD)) if (word && !this.words.has(word)) return false;
    if (!this.text.includes(phrase)) return false;
    return new RegExp(`(?<![a-z0-9])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![a-z0-9])`).test(this.text);
  }
}

const NOT_WORD = /[^a-z0-9]+/;
