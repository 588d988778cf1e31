import { CareerAdvisor } from '../../src/career-advisor.js';
import type { Pack } from '../../src/knowledge/knowledge.js';
import { loadKnowledge, type Knowledge } from '../../src/knowledge/load-knowledge.js';
import { COMMON_KNOWLEDGE_DIR, DEFAULT_PACK_DIR, FIXTURE_PACK_DIR } from '../../src/paths.js';

/*
 * Code tests run on the fictional CRA pack (tests/fixtures/packs/cra), so that editing the MSL guide breaks only
 * the content tests in tests/content/ and tests/eval/, which alone may use the MSL helpers below. Everything is
 * loaded and trained once per test run: building a Reader takes a moment.
 */

let fixture: Knowledge | undefined;
let fixtureBrain: CareerAdvisor | undefined;
let msl: Knowledge | undefined;
let mslBrain: CareerAdvisor | undefined;

/** The fictional Clinical Research Associate pack alone, as the bot loads it. */
export function fixtureKnowledge(): Knowledge {
  return (fixture ??= loadKnowledge([FIXTURE_PACK_DIR], COMMON_KNOWLEDGE_DIR));
}

/** The fixture's one pack. */
export function fixturePack(): Pack {
  return fixtureKnowledge().packs[0]!;
}

/** The real CareerAdvisor over the fixture pack. */
export function fixtureAdvisor(): CareerAdvisor {
  return (fixtureBrain ??= new CareerAdvisor(fixtureKnowledge()));
}

/** The MSL pack: for tests/content/ and tests/eval/ only. */
export function mslKnowledge(): Knowledge {
  return (msl ??= loadKnowledge([DEFAULT_PACK_DIR], COMMON_KNOWLEDGE_DIR));
}

/** The real CareerAdvisor over the MSL pack: for tests/content/ and tests/eval/ only. */
export function mslAdvisor(): CareerAdvisor {
  return (mslBrain ??= new CareerAdvisor(mslKnowledge()));
}

/** An environment that makes the bot serve the fixture pack (KNOWLEDGE_DIR is the one variable that picks packs). */
export const FIXTURE_ENV: NodeJS.ProcessEnv = { KNOWLEDGE_DIR: FIXTURE_PACK_DIR };

/** A state's salary figure in the fixture guide, as it prints it ("$101,640"), read from the loaded pack. */
export function fixtureFigure(stateId: string): string {
  const record = fixturePack().salary?.states?.records.find((r) => r.entityId === stateId);
  if (!record) throw new Error(`the fixture guide has no salary figure for ${stateId}`);
  return record.display;
}
