/**
 * The bot's own sentences are templates with named slots ("{name} pays the most"), kept in replies.json files.
 * This table is the one place that says which templates exist and which slots each may use; the loader checks
 * every template against it, so a typo in a slot name stops the bot at start-up instead of showing "{nmae}".
 *
 * Every template may also use the career slots, filled from the pack: {career} ("Medical Science Liaison"),
 * {careers} ("Medical Science Liaisons"), {short} ("MSL"), {shorts} ("MSLs") and {guide} ("MSL Career Guide").
 */
export const CAREER_SLOTS = ['career', 'careers', 'short', 'shorts', 'guide'] as const;

interface TemplateSpec {
  /** Slots the bot always fills; a template may leave any of them out. */
  readonly slots: readonly string[];
}

const spec = (...slots: string[]): TemplateSpec => ({ slots });

export const TEMPLATES = {
  welcome: spec(),
  /** The welcome of a bot serving several careers: {careers_list} is "Medical Science Liaison and Clinical Research Associate". */
  welcomeMany: spec('careers_list'),
  help: spec(),
  greeting: spec(),
  thanks: spec(),
  acknowledge: spec(),
  bye: spec(),
  cancel: spec(),
  startOver: spec(),
  offTopic: spec(),
  language: spec(),
  otherCareer: spec('career_asked'),
  otherCareerMany: spec('career_asked', 'careers_list'),
  clarifyOne: spec('choice'),
  clarifyMany: spec(),
  clarifyDeclined: spec(),
  noMore: spec(),
  walkthroughDone: spec(),
  walkthroughStart: spec(),
  alsoAsked: spec('question'),
  // Gaps: each must say plainly that the guide does not cover what was asked.
  gapTopic: spec('topic'),
  gapTopicNearest: spec('topic'),
  gapQuestion: spec(),
  gapQuestionNearest: spec(),
  gapFigures: spec(),
  gapWhy: spec(),
  gapCompare: spec('first', 'second'),
  gapListItem: spec('name', 'list'),
  salaryGap: spec('topic'),
  salaryNoPlace: spec('place'),
  salaryNoCareer: spec('career_asked'),
  salaryTop: spec('name', 'kind'),
  salaryRank: spec('name', 'rank', 'count', 'kinds'),
  salaryHigher: spec('higher', 'difference'),
  salaryEqual: spec(),
  salaryTopOfList: spec('name', 'kinds'),
  salaryPeriod: spec('period'),
  salaryPeriodUnknown: spec(),
  salaryCardOne: spec('name'),
  salaryCardCompare: spec(),
  salaryCardOverview: spec(),
  handoff: spec(),
  handoffNone: spec(),
  source: spec(),
  askPlace: spec('place'),
  labelPlace: spec('place'),
  askTopIndustry: spec(),
  labelTopIndustry: spec(),
  askTopState: spec(),
  labelTopState: spec(),
  labelHandoff: spec(),
  // The chat page's own words: the line under its title, the input's placeholder and the footnote.
  pageTagline: spec(),
  pageInput: spec(),
  pageFootnote: spec(),
} as const satisfies Record<string, TemplateSpec>;

export type TemplateName = keyof typeof TEMPLATES;
export type Templates = Readonly<Record<TemplateName, string>>;

const SLOT = /\{([a-z_]+)\}/g;

/** The slots a template uses, in order. */
export function slotsOf(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1]!);
}

/** Problems with one template: unknown slots, or braces that are not a slot. */
export function templateProblems(name: string, template: string): string[] {
  const known = name in TEMPLATES ? TEMPLATES[name as TemplateName].slots : undefined;
  if (!known) return [`"${name}" is not a reply the bot has (known: ${Object.keys(TEMPLATES).join(', ')})`];
  const problems: string[] = [];
  for (const slot of slotsOf(template)) {
    if (!known.includes(slot) && !(CAREER_SLOTS as readonly string[]).includes(slot)) {
      problems.push(`uses the slot {${slot}}, which "${name}" does not have (it has ${[...known, ...CAREER_SLOTS].map((s) => `{${s}}`).join(', ')})`);
    }
  }
  if (/[{}]/.test(template.replace(SLOT, ''))) problems.push('has a brace that is not part of a {slot}');
  return problems;
}

/** Fills a template's slots; a slot with no value is a bug in the caller, so it throws rather than showing "{x}". */
export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(SLOT, (_m, slot: string) => {
    const value = values[slot];
    if (value === undefined) throw new Error(`no value for the slot {${slot}} in "${template}"`);
    return value;
  });
}
