/** Colours with at least 4.5:1 contrast on white, so bars and the text beside them read for low vision too. */
export const COLORS = {
  answered: '#2f855a',
  partial: '#975a16',
  gap: '#c53030',
  clarify: '#6b46c1',
  off_topic: '#4a5568',
  other: '#2b6cb0',
  /** Turns per day: answered or otherwise handled, and not fully answered. */
  handled: '#2b6cb0',
  unanswered: '#c05621',
} as const;

/** The page's only styles: inline, system fonts, no images. Text is #1a202c on white (16:1), muted text #4a5568 (7.5:1). */
export const REPORT_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a202c; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2.75rem 0 .5rem; padding-top: 1rem; border-top: 1px solid #cbd5e0; }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
p { margin: .5rem 0; max-width: 46rem; }
.lead { color: #4a5568; font-size: 1.05rem; margin-bottom: 1.25rem; }
.muted, .id { color: #4a5568; }
.id { font: .8rem/1.3 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; display: block; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: #edf2f7; padding: 0 .25em; border-radius: 3px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); gap: .75rem; margin: 1rem 0 0; padding: 0; }
.figures div { border: 1px solid #cbd5e0; border-radius: 8px; padding: .75rem 1rem; }
.figures dt { color: #4a5568; font-size: .9rem; }
.figures dd { margin: 0; font-size: 1.6rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.figures dd small { font-size: .85rem; font-weight: 400; color: #4a5568; }
figure { margin: 1rem 0; }
.chart { width: 100%; height: auto; display: block; }
.chart text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #1a202c; }
.chart .axis { font-size: 12px; fill: #4a5568; }
.chart .label, .chart .value { font-size: 14px; }
.chart .grid { stroke: #e2e8f0; stroke-width: 1; }
.chart .baseline { stroke: #4a5568; stroke-width: 1; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; padding: 0; margin: .25rem 0 0; font-size: .95rem; }
.swatch { display: inline-block; width: .9rem; height: .9rem; border-radius: 2px; margin-right: .4rem; vertical-align: -.1rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1rem; font-size: .95rem; }
caption { text-align: left; font-weight: 650; padding: 0 0 .4rem; }
th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #e2e8f0; overflow-wrap: break-word; }
thead th { border-bottom: 2px solid #4a5568; font-weight: 650; }
th.plain { font-weight: 400; }
td.when { white-space: nowrap; color: #4a5568; font-variant-numeric: tabular-nums; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #f7fafc; }
.meter { display: block; height: .35rem; margin: .3rem 0 0 auto; background: #c05621; border-radius: 2px; min-width: 2px; }
ul.examples { margin: 0; padding-left: 1.1rem; }
ul.examples li { margin: 0 0 .2rem; }
.q { quotes: "\\201C" "\\201D"; }
.q::before { content: open-quote; }
.q::after { content: close-quote; }
.tag { color: #4a5568; font-size: .85rem; white-space: nowrap; }
.note { background: #fffaf0; border-left: 4px solid #975a16; padding: .6rem .9rem; margin: .75rem 0; max-width: 46rem; }
.empty { color: #4a5568; font-style: italic; }
details { margin: .5rem 0 1rem; }
summary { cursor: pointer; color: #2b6cb0; font-weight: 600; }
summary:focus-visible { outline: 3px solid #2b6cb0; outline-offset: 2px; }
footer { margin-top: 3rem; color: #4a5568; font-size: .9rem; }
@media (max-width: 40rem) {
  main { padding: 1.25rem .75rem 2rem; }
  table { font-size: .875rem; }
  th, td { padding: .35rem .3rem; }
  td.where, .id, code { overflow-wrap: anywhere; }
  td.n, th.n, td.when, .tag { white-space: normal; }
}
@media print { h2 { break-before: auto; } details { display: block; } }
`;
