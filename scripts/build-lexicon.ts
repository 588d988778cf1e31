// Part of npm run build: extracts WordNet's word list once, so the bot does not parse WordNet at every start.
import { LEXICON_FILE, writeEnglishLexicon } from '../src/nlu/english-lexicon.js';

console.log(`${writeEnglishLexicon()} English words → ${LEXICON_FILE}`);
