import { createRequire } from 'node:module';
import { isPlainAscii } from './normalize.js';

// franc and its trigram tables load with the first message that looks foreign, not at start-up (20 ms) for all.
const require = createRequire(import.meta.url);
let francModule: typeof import('franc-min') | undefined;
const franc = (...args: Parameters<typeof import('franc-min').franc>): string => (francModule ??= require('franc-min') as typeof import('franc-min')).franc(...args);

/**
 * Languages franc may choose between. Restricting it to the languages people are likely to write in keeps it from
 * reading short English as Romanian or Polish; English is among them, so English wins when it fits best.
 */
const CANDIDATES = ['eng', 'spa', 'fra', 'deu', 'por', 'ita', 'nld', 'pol', 'tur', 'ind', 'vie', 'tgl', 'swe', 'ron'];
// franc needs this many letters to say anything; shorter messages are taken as English.
const MIN_FRANC_CHARS = 10;
/** Below this share of English words a message of several words is not English, whatever franc says. */
const MIN_ENGLISH_SHARE = 0.5;
// A message needs this many words before its English share says anything about its language.
const MIN_WORDS_FOR_SHARE = 3;
/**
 * Common words of other languages that are not English words too ("que", "wie", "est", "une"): franc is unsure on
 * short texts, and two of these settle it. Words shared with English ("die", "was", "come") are left out.
 */
const FOREIGN_WORDS = new Set(`
que qué cómo cuánto cuanto cuál cual dónde donde por para con los las del una gana ganan trabajo salario puedo
necesito hacer sería sueldo médico científico está están sus también pero muy
est les des une pour avec vous nous sont combien quel quelle quels comment être faire travail salaire gagne
ce cette mais très aussi médical scientifique
wie viel ist der das ein eine und ich für mit nicht verdient werden kann arbeit gehalt wird sind auch aber sehr
wissenschaft medizinischer
como quanto são não um uma ganha salário trabalho fazer posso preciso também mas muito você
che il gli è sono guadagna lavoro stipendio anche della delle questo
het een van voor niet hoeveel verdient werk ook maar zijn nodig worden wordt om te kunnen moet
eigentlich ganzen den dem einen einem welche welcher brauche braucht
jakie jaki jest czy dla się nie zarobki praca
`.split(/\s+/).filter(Boolean));
// Letters outside the Latin alphabet (Cyrillic, Greek, Arabic, Hebrew, Devanagari, CJK, …).
const NON_LATIN = /[\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;

/**
 * Whether a message is written in a language other than English. English with typos, abbreviations and career
 * jargon must never count as foreign, so franc is asked only when the message looks foreign on its face.
 */
export function isForeign(raw: string, isEnglishWord: (word: string) => boolean): boolean {
  // Plain ASCII, what nearly every message is, has no letters beyond a to z: no Unicode classes need scanning.
  const ascii = isPlainAscii(raw);
  const letters = ascii ? asciiLetters(raw) : raw.replace(/[^\p{L}]/gu, '').length;
  if (letters === 0) return false;
  if (!ascii && (raw.match(NON_LATIN) ?? []).length / letters > 0.3) return true;
  const words = raw.toLowerCase().match(ascii ? /[a-z']+/g : /[\p{L}']+/gu) ?? [];
  const foreign = words.filter((w) => FOREIGN_WORDS.has(w)).length;
  // Letters English doesn't use (ñ, ß, ą, ł, ã…); accents English borrows (é in "résumé") don't count.
  const marked = !ascii && /[ñßąćęłńśźżãõçœøåěščřžůőű¿¡]/i.test(raw);
  const looksForeign = foreign >= 2 || (marked && foreign >= 1) || (words.length >= MIN_WORDS_FOR_SHARE && fewEnglishWords(words, isEnglishWord));
  if (!looksForeign || letters < MIN_FRANC_CHARS) return false;
  return franc(raw, { only: CANDIDATES, minLength: MIN_FRANC_CHARS }) !== 'eng';
}

/** Whether fewer than MIN_ENGLISH_SHARE of the words are English; counting stops once enough are. */
function fewEnglishWords(words: readonly string[], isEnglishWord: (word: string) => boolean): boolean {
  const enough = MIN_ENGLISH_SHARE * words.length;
  let english = 0;
  for (const w of words) if (isEnglishWord(w.endsWith("'s") ? w.slice(0, -2) : w) && ++english >= enough) return false;
  return true;
}

function asciiLetters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c >= 97 && c <= 122) n++;
  }
  return n;
}
