import type { FocusGroup, GroupCount, ReportData, UnitRef } from './aggregate-turns.js';
import { Html, html } from './html.js';
import { outcomeName } from './outcome-groups.js';
import { COLORS, REPORT_CSS } from './report-style.js';
import { barChart, columnChart, type Column } from './svg-charts.js';

/**
 * Days the volume chart spans at most, ending on the log's last day: two months of columns still read one by one.
 * The table under the chart lists every day.
 */
export const CHART_DAYS = 62;
/** Up to this many columns each carry their date; past it, every few do, so the labels never overlap. */
const LABELLED_COLUMNS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface RenderOptions {
  /** When the report was made, shown in its footer. */
  readonly generatedAt: Date;
  /** The log files read, as given, or "standard input". */
  readonly sources: readonly string[];
}

/**
 * The report as one self-contained HTML page: inline styles and SVG charts, no scripts, fonts or images, and a
 * Content-Security-Policy that would stop any that slipped in. Every text from the log is escaped by `html`.
 */
export function renderReport(data: ReportData, options: RenderOptions): string {
  const careers = data.careers.map((c) => c.name ?? c.id);
  const manyCareers = data.careers.length > 1;
  const answered = data.outcomes.find((o) => o.group.id === 'answered')?.count ?? 0;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>Unanswered-questions report${careers.length ? ` — ${careers.join(', ')}` : ''}</title>
<style>${new Html(REPORT_CSS)}</style>
</head>
<body>
<main>
<header>
<h1>Unanswered-questions report</h1>
<p class="lead">${[careers.length ? careers.join(' and ') : undefined, data.period ? periodText(data.period.first, data.period.last) : 'No turns in these logs', `${count(data.turns, 'turn')} in ${count(data.conversations, 'conversation')}`].filter(Boolean).join(' · ')}</p>
<dl class="figures">
<div><dt>Turns</dt><dd>${fmt(data.turns)}</dd></div>
<div><dt>Conversations</dt><dd>${fmt(data.conversations)}</dd></div>
<div><dt>Answered</dt><dd>${pct(answered, data.turns)}</dd></div>
<div><dt>Not fully answered</dt><dd>${fmt(data.unanswered.turns)} <small>${pct(data.unanswered.turns, data.turns)}</small></dd></div>
<div><dt>Votes down</dt><dd>${fmt(data.votes.down)} <small>of ${count(data.votes.up + data.votes.down, 'vote')}</small></dd></div>
</dl>
</header>
${volumeSection(data)}
${outcomeSection(data)}
${unansweredSection(data)}
${choicesSection(data, manyCareers)}
${votesSection(data, manyCareers)}
${aboutSection(data, options)}
</main>
</body>
</html>
`;
  return page.markup;
}

function volumeSection(data: ReportData): Html {
  if (data.days.length === 0) return html`<section aria-labelledby="volume"><h2 id="volume">Questions per day</h2><p class="empty">No turns in these logs.</p></section>`;
  const byDay = new Map(data.days.map((d) => [d.day, d]));
  const last = Date.parse(data.days[data.days.length - 1]!.day);
  const first = Math.max(Date.parse(data.days[0]!.day), last - (CHART_DAYS - 1) * DAY_MS);
  const window: string[] = [];
  for (let t = first; t <= last; t += DAY_MS) window.push(new Date(t).toISOString().slice(0, 10));
  const every = window.length <= LABELLED_COLUMNS ? 1 : Math.ceil(window.length / LABELLED_COLUMNS);
  const columns: Column[] = window.map((day, i) => {
    const d = byDay.get(day) ?? { turns: 0, unanswered: 0 };
    return {
      label: i % every === 0 ? dayShort(day) : '',
      detail: `${dayLong(day)}: ${count(d.turns, 'turn')}, ${fmt(d.unanswered)} not fully answered`,
      values: [d.unanswered, d.turns - d.unanswered],
    };
  });
  const busiest = data.days.reduce((a, b) => (b.turns > a.turns ? b : a));
  const clipped = data.days.length > 0 && Date.parse(data.days[0]!.day) < first;
  const description = `Turns per day from ${dayLong(window[0]!)} to ${dayLong(window[window.length - 1]!)}. The busiest day was ${dayLong(busiest.day)} with ${count(busiest.turns, 'turn')}, ${fmt(busiest.unanswered)} of them not fully answered. The table below lists every day.`;
  return html`<section aria-labelledby="volume">
<h2 id="volume">Questions per day</h2>
<p>Each column is one day’s turns: a turn is one message and the bot’s reply. The orange part is turns the bot could not fully answer. Days are in UTC.${clipped ? ` The chart shows the last ${CHART_DAYS} days; the table lists them all.` : ''}</p>
<figure>
${columnChart({ id: 'volume-chart', title: 'Turns per day', description }, [{ name: 'Not fully answered', color: COLORS.unanswered }, { name: 'Answered or handled', color: COLORS.handled }], columns)}
<figcaption><ul class="legend"><li><span class="swatch" style="background:${COLORS.unanswered}"></span>Not fully answered</li><li><span class="swatch" style="background:${COLORS.handled}"></span>Answered, or small talk and the like</li></ul></figcaption>
</figure>
<details>
<summary>Turns per day as a table</summary>
<table>
<caption>Turns per day (UTC)</caption>
<thead><tr><th scope="col">Day</th><th scope="col" class="n">Turns</th><th scope="col" class="n">Not fully answered</th></tr></thead>
<tbody>${data.days.map((d) => html`<tr><th scope="row">${dayLong(d.day)}</th><td class="n">${fmt(d.turns)}</td><td class="n">${fmt(d.unanswered)}</td></tr>`)}</tbody>
</table>
</details>
</section>`;
}

function outcomeSection(data: ReportData): Html {
  const groups = data.outcomes;
  const description = groups.map((g) => `${g.group.label}: ${fmt(g.count)} (${pct(g.count, data.turns)})`).join('; ');
  return html`<section aria-labelledby="outcomes">
<h2 id="outcomes">How the bot replied</h2>
<p>Every turn ends in one kind of reply. The first four below are what to watch: questions the guide only partly answered, could not answer, was unsure about, or that were about something else.</p>
<figure>
${barChart({ id: 'outcome-chart', title: 'Turns by kind of reply', description: `Turns by kind of reply. ${description}.` }, groups.map((g) => ({ label: g.group.label, value: g.count, valueText: `${fmt(g.count)} (${pct(g.count, data.turns)})`, color: COLORS[g.group.id] })))}
</figure>
<table>
<caption>Turns by kind of reply</caption>
<thead><tr><th scope="col">Reply</th><th scope="col" class="n">Turns</th><th scope="col" class="n">Share</th><th scope="col">What it means</th></tr></thead>
<tbody>${groups.map((g) => html`<tr><th scope="row">${g.group.label}</th><td class="n">${fmt(g.count)}</td><td class="n">${pct(g.count, data.turns)}</td><td>${g.group.meaning}${breakdown(g)}</td></tr>`)}</tbody>
</table>
</section>`;
}

/** "(talk 7, language 2)": which outcomes of the log make up a group, when it has more than one kind. */
function breakdown(g: GroupCount): Html | '' {
  if (g.outcomes.length === 0 || (g.outcomes.length === 1 && g.group.outcomes.length === 1)) return '';
  return html` <span class="muted">(${g.outcomes.map((o) => `${outcomeName(o.outcome)} ${fmt(o.count)}`).join(', ')})</span>`;
}

function unansweredSection(data: ReportData): Html {
  const u = data.unanswered;
  const textNote = u.turns === 0
    ? ''
    : u.withText === 0
      ? html`<p class="note">These logs carry no question text, so only the topics below can be shown. Run the bot with <code>LOG_UNANSWERED_TEXT=true</code> to see the words people used and example questions (only unanswered questions are logged, with e-mail addresses and phone numbers masked).</p>`
      : u.withText < u.turns
        ? html`<p class="muted">${fmt(u.withText)} of these ${fmt(u.turns)} turns carry the question’s text; the others were logged without it.</p>`
        : '';
  return html`<section aria-labelledby="unanswered">
<h2 id="unanswered">What the guide didn’t answer</h2>
<p>${count(u.turns, 'turn')} ${u.turns === 1 ? 'was' : 'were'} not fully answered: partly answered, not in the guide, “Did you mean…?” or off-topic. They are grouped by what they were about, most frequent first; one question can fall in several groups. A topic or word that keeps coming up is a candidate for a new answer in the guide, or for more phrasings of an answer it has.</p>
${textNote}
<h3 id="by-topic">Topics the guide doesn’t cover</h3>
${u.byTopic.length
  ? focusTable('Unanswered questions by topic the guide doesn’t cover', 'Topic', u.byTopic.map((g) => ({ ...g, label: upperFirst(g.label) })), u.withText > 0, u.topicGroups > u.byTopic.length ? `${fmt(u.topicGroups - u.byTopic.length)} more topics came up less often.` : '')
  : html`<p class="empty">No unanswered question named one of the topics guides often leave out (knowledge/common/topics.json).</p>`}
<h3 id="by-word">Words people used</h3>
${u.byWord.length
  ? focusTable('Unanswered questions by the words they used', 'Word', u.byWord, true, u.wordGroups > u.byWord.length ? `${count(u.wordGroups - u.byWord.length, 'more word')} came up less often.` : '')
  : html`<p class="empty">${u.withText === 0 ? 'No question text in these logs.' : 'No content words in the logged questions.'}</p>`}
${u.latest.length
  ? html`<h3 id="latest">Latest questions</h3>
<table>
<caption>The ${count(u.latest.length, 'latest unanswered question')}, newest first</caption>
<thead><tr><th scope="col">Question</th><th scope="col">Reply</th><th scope="col">Asked (UTC)</th></tr></thead>
<tbody>${u.latest.map((e) => html`<tr><th scope="row" class="plain"><span class="q">${e.text}</span></th><td>${outcomeName(e.outcome)}</td><td class="when">${when(e.time)}</td></tr>`)}</tbody>
</table>`
  : ''}
</section>`;
}

function focusTable(caption: string, heading: string, groups: readonly FocusGroup[], withExamples: boolean, more: string): Html {
  const max = Math.max(...groups.map((g) => g.count));
  return html`<table>
<caption>${caption}</caption>
<thead><tr><th scope="col">${heading}</th><th scope="col" class="n">Questions</th>${withExamples ? html`<th scope="col">Examples</th>` : ''}</tr></thead>
<tbody>${groups.map((g) => html`<tr><th scope="row">${g.label}</th><td class="n">${fmt(g.count)}<span class="meter" style="width:${Math.round((g.count / max) * 100)}%" aria-hidden="true"></span></td>${withExamples ? html`<td>${examples(g)}</td>` : ''}</tr>`)}</tbody>
</table>
${more ? html`<p class="muted">${more}</p>` : ''}`;
}

function examples(g: FocusGroup): Html {
  if (g.examples.length === 0) return html`<span class="muted">no text logged</span>`;
  return html`<ul class="examples">${g.examples.map((e) => html`<li><span class="q">${e.text}</span> <span class="tag">(${outcomeName(e.outcome)})</span></li>`)}</ul>`;
}

function choicesSection(data: ReportData, manyCareers: boolean): Html {
  const c = data.choices;
  return html`<section aria-labelledby="choices">
<h2 id="choices">“Did you mean…?” choices</h2>
${c.asked === 0
  ? html`<p class="empty">The bot never asked “Did you mean…?” in these logs.</p>`
  : html`<p>The bot asked “Did you mean…?” ${count(c.asked, 'time')}, and people took one of its choices ${count(c.taken, 'time')} (${pct(c.taken, c.asked)}). A choice taken often is worth more phrasings, so that the bot answers it straight away; one offered often and rarely taken may be offered for the wrong questions.</p>
<table>
<caption>Choices offered and taken, by answer</caption>
<thead><tr><th scope="col">Answer offered</th>${manyCareers ? html`<th scope="col">Career</th>` : ''}<th scope="col" class="n">Offered</th><th scope="col" class="n">Taken</th><th scope="col" class="n">Taken when offered</th></tr></thead>
<tbody>${c.rows.map((r) => html`<tr><th scope="row">${unitName(r)}</th>${manyCareers ? html`<td>${careerName(data, r.career)}</td>` : ''}<td class="n">${fmt(r.offered)}</td><td class="n">${fmt(r.taken)}</td><td class="n">${r.offered ? pct(Math.min(r.taken, r.offered), r.offered) : '–'}</td></tr>`)}</tbody>
</table>`}
</section>`;
}

function votesSection(data: ReportData, manyCareers: boolean): Html {
  const v = data.votes;
  const total = v.up + v.down;
  return html`<section aria-labelledby="votes">
<h2 id="votes">Answers voted down</h2>
${total === 0
  ? html`<p class="empty">No votes in these logs. Thumbs up and down under the bot’s answers show here once it logs them.</p>`
  : html`<p>People voted on answers ${count(total, 'time')}: ${fmt(v.up)} up and ${fmt(v.down)} down. Answers voted down are listed below with any comment people left; read the answer in the guide and check it says what people need.</p>
${v.rows.length === 0
  ? html`<p class="empty">No answer was voted down.</p>`
  : html`<table>
<caption>Answers voted down, most down votes first</caption>
<thead><tr><th scope="col">Answer</th>${manyCareers ? html`<th scope="col">Career</th>` : ''}<th scope="col" class="n">Down</th><th scope="col" class="n">Up</th><th scope="col">Comments</th></tr></thead>
<tbody>${v.rows.map((r) => html`<tr><th scope="row">${unitName(r)}</th>${manyCareers ? html`<td>${careerName(data, r.career)}</td>` : ''}<td class="n">${fmt(r.down)}</td><td class="n">${fmt(r.up)}</td><td>${r.comments.length ? html`<ul class="examples">${r.comments.map((text) => html`<li><span class="q">${text}</span></li>`)}</ul>` : html`<span class="muted">none</span>`}</td></tr>`)}</tbody>
</table>`}`}
</section>`;
}

function aboutSection(data: ReportData, options: RenderOptions): Html {
  const l = data.lines;
  const skipped = l.skipped.reduce((sum, s) => sum + s.count, 0);
  return html`<section aria-labelledby="about">
<h2 id="about">About this report</h2>
<p>Read ${count(l.read, 'line')} from ${options.sources.join(', ') || 'standard input'}: ${count(l.turns, 'turn')}, ${count(l.feedback, 'vote')}, ${fmt(l.other)} other log ${l.other === 1 ? 'line' : 'lines'} (requests, errors, start-up) set aside${l.blank ? `, ${fmt(l.blank)} blank` : ''}, and ${fmt(skipped)} skipped.</p>
${l.skipped.length === 0
  ? ''
  : html`<table>
<caption>Lines skipped</caption>
<thead><tr><th scope="col">Why</th><th scope="col" class="n">Lines</th><th scope="col">Where (first few)</th></tr></thead>
<tbody>${l.skipped.map((s) => html`<tr><th scope="row">${s.reason}</th><td class="n">${fmt(s.count)}</td><td class="where">${s.examples.map((e, i) => html`${i ? html`<br>` : ''}${e.source}, line ${fmt(e.line)}${e.detail ? html` <span class="muted">(${e.detail})</span>` : ''}`)}</td></tr>`)}</tbody>
</table>`}
<footer>Made ${options.generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC with <code>npm run report</code>. Question text is what people typed, with e-mail addresses and phone numbers masked.</footer>
</section>`;
}

function unitName(r: UnitRef): Html {
  if (!r.unit) return html`<span class="muted">(no guide answer: a "doesn't cover" reply, or an answer not known)</span>`;
  return r.title ? html`${r.title}<span class="id">${r.unit}</span>` : html`<code>${r.unit}</code>`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function careerName(data: ReportData, id: string): string {
  return id ? data.careers.find((c) => c.id === id)?.name ?? id : 'not known';
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function count(n: number, noun: string): string {
  return `${fmt(n)} ${noun}${n === 1 ? '' : 's'}`;
}

function pct(part: number, whole: number): string {
  if (whole === 0) return '–';
  const share = (part / whole) * 100;
  return share > 0 && share < 1 ? '<1%' : `${Math.round(share)}%`;
}

const LONG = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const WHEN = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
const DATE = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

function dayLong(day: string): string {
  return LONG.format(Date.parse(day));
}

function when(time: number): string {
  return WHEN.format(time);
}

function dayShort(day: string): string {
  return SHORT.format(Date.parse(day));
}

function periodText(first: number, last: number): string {
  const a = DATE.format(first);
  const b = DATE.format(last);
  return a === b ? a : `${a} to ${b}`;
}
