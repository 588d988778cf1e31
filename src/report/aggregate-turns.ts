import { UNANSWERED_OUTCOMES } from '../turn-log.js';
import { cleanText } from './clean-text.js';
import { focusTerms } from './focus-terms.js';
import type { FeedbackRecord, TurnRecord } from './log-records.js';
import { groupOf, OUTCOME_GROUPS, type OutcomeGroup } from './outcome-groups.js';
import type { LineSource, LogLine, SkipReason } from './read-log-lines.js';
import type { ReportCatalogue } from './report-catalogue.js';

/** Rows of a "top" table: enough to act on in one sitting; the page says how many more there were. */
export const MAX_FOCUS_GROUPS = 20;
/**
 * A word shows once this many unanswered questions used it: a word that came up once is mostly noise. When no
 * word came up that often (a quiet week, a new bot), the words that came up once are shown instead.
 */
export const MIN_WORD_QUESTIONS = 2;
/** Example questions under a group: a few show what people meant without turning the table into a transcript. */
export const MAX_EXAMPLES = 3;
/** Comments kept per voted-down answer, for the same reason as the examples. */
export const MAX_COMMENTS = 3;
/** The latest unanswered questions listed as they were asked: what people ask now, whatever it is about. */
export const MAX_LATEST = 10;
/** Skipped lines listed by place, per reason; the rest are only counted. */
export const MAX_SKIP_EXAMPLES = 5;
/**
 * Distinct focus words tracked. A month of a busy bot's unanswered questions uses a few thousand; the bound keeps a
 * flood of made-up words from growing the report's memory without limit. Words past it are not counted.
 */
export const MAX_TRACKED_WORDS = 50_000;

export interface Example {
  readonly text: string;
  readonly outcome: string;
}

export interface DatedExample extends Example {
  readonly time: number;
}

/** Unanswered questions that share a focus: a topic the guide doesn't cover, or a word. */
export interface FocusGroup {
  readonly key: string;
  readonly label: string;
  readonly count: number;
  readonly examples: readonly Example[];
}

/** A guide unit (or salary record) as the report names it. */
export interface UnitRef {
  readonly career: string;
  readonly unit: string;
  /** From the pack; undefined when the loaded packs don't know the id. */
  readonly title: string | undefined;
}

export interface ChoiceRow extends UnitRef {
  readonly offered: number;
  readonly taken: number;
}

export interface VoteRow extends UnitRef {
  readonly down: number;
  readonly up: number;
  readonly comments: readonly string[];
}

export interface DayCount {
  /** YYYY-MM-DD, UTC. */
  readonly day: string;
  readonly turns: number;
  readonly unanswered: number;
}

export interface GroupCount {
  readonly group: OutcomeGroup;
  readonly count: number;
  /** The group's outcomes that occurred, most frequent first. */
  readonly outcomes: readonly { readonly outcome: string; readonly count: number }[];
}

export interface SkippedLines {
  readonly reason: SkipReason;
  readonly count: number;
  readonly examples: readonly (LineSource & { readonly detail?: string })[];
}

/** Everything the report page shows, counted from the log. */
export interface ReportData {
  /** First and last turn or vote, epoch ms; undefined for an empty log. */
  readonly period: { readonly first: number; readonly last: number } | undefined;
  readonly turns: number;
  readonly conversations: number;
  readonly careers: readonly { readonly id: string; readonly name: string | undefined; readonly turns: number }[];
  /** Days with turns, in order. */
  readonly days: readonly DayCount[];
  /** Every outcome group, in OUTCOME_GROUPS order, including empty ones. */
  readonly outcomes: readonly GroupCount[];
  readonly unanswered: {
    readonly turns: number;
    /** How many of them carry the user's words (LOG_UNANSWERED_TEXT or LOG_USER_TEXT was on). */
    readonly withText: number;
    readonly byTopic: readonly FocusGroup[];
    readonly topicGroups: number;
    readonly byWord: readonly FocusGroup[];
    readonly wordGroups: number;
    /** The latest questions with text, newest first. */
    readonly latest: readonly DatedExample[];
  };
  readonly choices: { readonly asked: number; readonly taken: number; readonly rows: readonly ChoiceRow[] };
  readonly votes: { readonly up: number; readonly down: number; readonly rows: readonly VoteRow[] };
  readonly lines: {
    readonly read: number;
    readonly turns: number;
    readonly feedback: number;
    /** Other log lines (requests, errors, start-up), set aside on purpose. */
    readonly other: number;
    readonly blank: number;
    readonly skipped: readonly SkippedLines[];
  };
}

interface GroupTally {
  count: number;
  examples: Example[];
  seen: Set<string>;
  words?: Map<string, number>;
}

/** Outcomes whose reply is not the guide's answer to the question (the "not in the guide" group): votes on them are not put against a section. */
const NOT_AN_ANSWER: ReadonlySet<string> = new Set(OUTCOME_GROUPS.find((g) => g.id === 'gap')!.outcomes);

/**
 * Counts a bot's log line by line, so a log of any length is read in one pass with bounded memory: counts, a few
 * examples per group, and no copy of the turns. Feed it lines with `add`, then take the `summary`.
 */

export class ReportTally {
  private read = 0;
  private turnLines = 0;
  private feedbackLines = 0;
  private otherLines = 0;
  private blankLines = 0;
  private readonly skipped = new Map<SkipReason, { count: number; examples: (LineSource & { detail?: string })[] }>();
  private first: number | undefined;
  private last: number | undefined;
  /** Each conversation's career as of its latest turn, for votes, which don't name it. */
  private readonly conversations = new Map<string, string>();
  private readonly careers = new Map<string, number>();
  private readonly days = new Map<string, { turns: number; unanswered: number }>();
  private readonly outcomes = new Map<string, number>();
  private unansweredTurns = 0;
  private unansweredWithText = 0;
  private readonly topics = new Map<string, GroupTally>();
  private readonly words = new Map<string, GroupTally>();
  private latest: DatedExample[] = [];
  private asked = 0;
  private taken = 0;
  private readonly choices = new Map<string, { career: string; unit: string; offered: number; taken: number }>();
  private up = 0;
  private down = 0;
  private readonly votes = new Map<string, { career: string; unit: string; up: number; down: number; comments: string[] }>();
  private readonly careerWords: ReadonlySet<string>;

  constructor(private readonly catalogue: ReportCatalogue) {
    this.careerWords = new Set(catalogue.careerWords);
  }

  add(line: LogLine, where: LineSource): void {
    this.read += 1;
    switch (line.kind) {
      case 'turn':
        this.turnLines += 1;
        this.addTurn(line.time, line.turn);
        break;
      case 'feedback':
        this.feedbackLines += 1;
        this.addFeedback(line.time, line.feedback);
        break;
      case 'other':
        this.otherLines += 1;
        break;
      case 'blank':
        this.blankLines += 1;
        break;
      case 'skipped': {
        const entry = this.skipped.get(line.reason) ?? { count: 0, examples: [] };
        entry.count += 1;
        if (entry.examples.length < MAX_SKIP_EXAMPLES) entry.examples.push({ ...where, ...(line.detail ? { detail: line.detail } : {}) });
        this.skipped.set(line.reason, entry);
        break;
      }
    }
  }

  summary(): ReportData {
    // A vote from a conversation the log doesn't hold has no career: any pack that has the unit names it.
    const title = (career: string, unit: string): string | undefined => career
      ? this.catalogue.careers[career]?.units[unit]
      : Object.values(this.catalogue.careers).find((c) => c.units[unit] !== undefined)?.units[unit];
    const outcomes = OUTCOME_GROUPS.map((group) => {
      const members = [...this.outcomes].filter(([outcome]) => groupOf(outcome) === group.id)
        .map(([outcome, count]) => ({ outcome, count }))
        .sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
      return { group, count: members.reduce((sum, m) => sum + m.count, 0), outcomes: members };
    });
    const skipped = [...this.skipped].map(([reason, s]) => ({ reason, count: s.count, examples: s.examples }));
    return {
      period: this.first !== undefined && this.last !== undefined ? { first: this.first, last: this.last } : undefined,
      turns: this.turnLines,
      conversations: this.conversations.size,
      careers: [...this.careers].sort((a, b) => b[1] - a[1]).map(([id, turns]) => ({ id, name: this.catalogue.careers[id]?.name, turns })),
      days: [...this.days].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, ...d })),
      outcomes,
      unanswered: {
        turns: this.unansweredTurns,
        withText: this.unansweredWithText,
        byTopic: top(this.topics, (id) => this.catalogue.topics[id] ?? id),
        topicGroups: this.topics.size,
        byWord: repeated(top(this.words, (key, g) => mostFrequent(g.words) ?? key, Infinity)).slice(0, MAX_FOCUS_GROUPS),
        wordGroups: this.words.size,
        latest: this.latest,
      },
      choices: {
        asked: this.asked,
        taken: this.taken,
        rows: [...this.choices.values()]
          .map((c) => ({ ...c, title: title(c.career, c.unit) }))
          .sort((a, b) => b.taken - a.taken || b.offered - a.offered || a.unit.localeCompare(b.unit)),
      },
      votes: {
        up: this.up,
        down: this.down,
        rows: [...this.votes.values()]
          .filter((v) => v.down > 0)
          .map((v) => ({ ...v, title: title(v.career, v.unit) }))
          .sort((a, b) => b.down - a.down || a.up - b.up || a.unit.localeCompare(b.unit)),
      },
      lines: { read: this.read, turns: this.turnLines, feedback: this.feedbackLines, other: this.otherLines, blank: this.blankLines, skipped },
    };
  }

  private seen(time: number): void {
    this.first = this.first === undefined ? time : Math.min(this.first, time);
    this.last = this.last === undefined ? time : Math.max(this.last, time);
  }

  private addTurn(time: number, turn: TurnRecord): void {
    this.seen(time);
    this.conversations.set(`${turn.channelId}\u0000${turn.conversationId}`, turn.career);
    this.careers.set(turn.career, (this.careers.get(turn.career) ?? 0) + 1);
    this.outcomes.set(turn.outcome, (this.outcomes.get(turn.outcome) ?? 0) + 1);
    const unanswered = UNANSWERED_OUTCOMES.has(turn.outcome);
    const day = new Date(time).toISOString().slice(0, 10);
    const counts = this.days.get(day) ?? { turns: 0, unanswered: 0 };
    counts.turns += 1;
    if (unanswered) counts.unanswered += 1;
    this.days.set(day, counts);

    if (turn.offered?.length) {
      this.asked += 1;
      for (const unit of new Set(turn.offered)) this.choice(turn.career, unit).offered += 1;
    }
    if (turn.took) {
      this.taken += 1;
      this.choice(turn.career, turn.took).taken += 1;
    }

    if (!unanswered) return;
    this.unansweredTurns += 1;
    const example = turn.text === undefined ? undefined : { text: cleanText(turn.text), outcome: turn.outcome };
    if (example && example.text !== '') this.unansweredWithText += 1;
    for (const topic of new Set(turn.topics)) count(this.topics, topic, example);
    if (!example?.text) return;
    // Files may be given in any order, so the latest are kept by time, not by position.
    if (this.latest.length < MAX_LATEST || time > this.latest[this.latest.length - 1]!.time) {
      this.latest = [...this.latest, { ...example, time }].sort((a, b) => b.time - a.time).slice(0, MAX_LATEST);
    }
    for (const term of focusTerms(turn.text ?? '', this.careerWords)) {
      if (!this.words.has(term.key) && this.words.size >= MAX_TRACKED_WORDS) continue;
      const group = count(this.words, term.key, example);
      group.words ??= new Map();
      group.words.set(term.word, (group.words.get(term.word) ?? 0) + 1);
    }
  }

  private addFeedback(time: number, feedback: FeedbackRecord): void {
    this.seen(time);
    const other = feedback.vote === 'up' ? 'down' : 'up';
    this[feedback.vote] += 1;
    // A changed vote replaces the person's earlier one on the same answer.
    if (feedback.changed) this[other] = Math.max(0, this[other] - 1);
    const career = feedback.career ?? this.conversations.get(`${feedback.channelId}\u0000${feedback.conversationId}`) ?? '';
    // A vote on "the guide doesn't cover that" is about the gap, not the section shown under it as the nearest thing.
    const aboutUnits = feedback.units.length > 0 && !(feedback.outcome && NOT_AN_ANSWER.has(feedback.outcome));
    const units = aboutUnits ? [...new Set(feedback.units)] : [''];
    for (const unit of units) {
      const key = `${career}\u0000${unit}`;
      const row = this.votes.get(key) ?? { career, unit, up: 0, down: 0, comments: [] };
      row[feedback.vote] += 1;
      if (feedback.changed) row[other] = Math.max(0, row[other] - 1);
      const comment = feedback.comment === undefined ? '' : cleanText(feedback.comment);
      if (feedback.vote === 'down' && comment && row.comments.length < MAX_COMMENTS && !row.comments.includes(comment)) row.comments.push(comment);
      this.votes.set(key, row);
    }
  }

  private choice(career: string, unit: string): { offered: number; taken: number } {
    const key = `${career}\u0000${unit}`;
    const row = this.choices.get(key) ?? { career, unit, offered: 0, taken: 0 };
    this.choices.set(key, row);
    return row;
  }
}

/** Counts parsed lines in one go: for tests and for logs already in memory. */
export function aggregateTurns(lines: Iterable<{ line: LogLine; where: LineSource }>, catalogue: ReportCatalogue): ReportData {
  const tally = new ReportTally(catalogue);
  for (const { line, where } of lines) tally.add(line, where);
  return tally.summary();
}

function count(groups: Map<string, GroupTally>, key: string, example: Example | undefined): GroupTally {
  const group = groups.get(key) ?? { count: 0, examples: [], seen: new Set<string>() };
  group.count += 1;
  // Examples differ by more than case and spacing, so three people asking the same thing show as one.
  const same = example?.text.toLowerCase().replace(/\s+/g, ' ');
  if (example && same && group.examples.length < MAX_EXAMPLES && !group.seen.has(same)) {
    group.seen.add(same);
    group.examples.push(example);
  }
  groups.set(key, group);
  return group;
}

function top(groups: Map<string, GroupTally>, label: (key: string, group: GroupTally) => string, limit = MAX_FOCUS_GROUPS): FocusGroup[] {
  return [...groups]
    .map(([key, g]) => ({ key, label: label(key, g), count: g.count, examples: g.examples }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .slice(0, limit);
}

function repeated(groups: FocusGroup[]): FocusGroup[] {
  const often = groups.filter((g) => g.count >= MIN_WORD_QUESTIONS);
  return often.length ? often : groups;
}

function mostFrequent(counts: Map<string, number> | undefined): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of counts ?? []) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) best = entry;
  return best?.[0];
}
