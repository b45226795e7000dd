// The style sheet of the HTML documents, inlined in <style> (SPEC §10: nothing fetched).
// System fonts only; colours from palette.ts (contrast-tested); print rules for A4: page
// margins, charts scaled to the page width and never cut (`break-inside: avoid`), data
// tables left to the screen version; blocks that flow and fill the pages, and a phone that
// gets each wide chart's narrow drawing (SPEC §13.10, README "Paper, phone and accessibility").

import {
  CHANGE_BADGES,
  TARGET_BADGES,
  STATUS_BADGES,
  VARIATION_BADGES,
  LEVEL_COLOURS,
  INK,
  MUTED,
  PAPER,
  SHADE,
  RULE,
  LINK,
  SIGNAL,
  SIGNAL_CONCERN,
  SIGNAL_IMPROVEMENT,
  SIGNAL_NEUTRAL,
  ZEBRA,
} from './palette.js';
import { FONT } from './charts/render.js';

const badgeRules = [
  ...Object.entries(STATUS_BADGES).map(([k, b]) => `.status-${k}{color:${b.fg};background:${b.bg};border-color:${b.border}}`),
  ...Object.entries(VARIATION_BADGES).map(([k, b]) => `.variation-${k}{color:${b.fg};background:${b.bg};border-color:${b.border}}`),
  ...Object.entries(TARGET_BADGES).map(([k, b]) => `.target-${k}{color:${b.fg};background:${b.bg};border-color:${b.border}}`),
  ...Object.entries(CHANGE_BADGES).map(([k, b]) => `.change-${k}{color:${b.fg};background:${b.bg};border-color:${b.border}}`),
  ...Object.entries(LEVEL_COLOURS).map(([k, c]) => `.level-${k}{color:${c}}`),
].join('\n');

/**
 * The A4 page's margins in mm (top, sides, bottom), SPEC §10 and §13.10: the print rules below
 * and the browser test that measures each printed page's fill read the same figures.
 */
export const PRINT_MARGINS_MM = { top: 12, side: 12, bottom: 13 } as const;

export const STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{color:${INK};background:${PAPER};font-family:${FONT};font-size:15px;line-height:1.45;-webkit-text-size-adjust:100%;hyphens:none;-webkit-hyphens:none;overflow-wrap:normal;word-break:normal}
.num,.nw{white-space:nowrap}
body{margin:0}
.page{max-width:1120px;margin:0 auto;padding:28px 32px 48px}
h1,h2,h3,h4{line-height:1.2;margin:0}
h1{font-size:2rem;font-weight:700;letter-spacing:-0.01em}
h2{font-size:1.45rem;font-weight:700;margin:2.2rem 0 0.6rem;padding-top:0.6rem;border-top:3px solid ${INK}}
h3{font-size:1.15rem;font-weight:700}
h4{font-size:0.95rem;font-weight:700}
p{margin:0.4rem 0}
a{color:${LINK}}
a:focus-visible{outline:2px solid ${LINK};outline-offset:2px}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:max(0.85em,10px)}
.muted{color:${MUTED}}
.help{color:${MUTED};font-size:0.8rem}
.kicker{color:${MUTED};font-size:0.85rem;font-weight:600;text-transform:uppercase;letter-spacing:0.06em;margin-bottom:0.3rem}
.lede{font-size:1.02rem;max-width:52rem}
.doc-head{padding-bottom:0.8rem}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:0.4rem 1.2rem;margin:1rem 0 0.6rem;padding:0.7rem 0.9rem;background:${SHADE};border-left:4px solid ${INK}}
.facts div{min-width:0}
.facts dt{font-size:0.75rem;color:${MUTED};text-transform:uppercase;letter-spacing:0.04em}
.facts dd{margin:0;font-weight:600}
table{border-collapse:collapse;font-size:0.82rem;font-variant-numeric:tabular-nums;margin:0.4rem 0}
th,td{padding:0.22rem 0.5rem;border-bottom:1px solid ${RULE};text-align:left;vertical-align:top}
thead th{background:${SHADE};border-bottom:2px solid ${MUTED};font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
tbody tr:nth-child(even) td{background:${ZEBRA}}
caption{text-align:left;font-weight:600;padding:0.2rem 0}
/* A checksum is neither a word nor a number: it may break anywhere rather than widen the page. */
.inputs td.sha{font-family:ui-monospace,Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:0.72rem;overflow-wrap:anywhere;word-break:break-all;min-width:calc(16ch + 1.1rem)}
.inputs{width:100%}
.table-wrap{max-width:100%;overflow-x:auto}
.table-wrap:focus-visible{outline:2px solid ${LINK};outline-offset:2px}
/* SPEC §13.10: each wide chart is drawn twice; a phone gets the narrow drawing (its labels at
   their size), a wider screen and paper the wide one. */
.chart-narrow{display:none}
@media screen and (max-width:600px){.chart-wide{display:none}.chart-narrow{display:block}}
.toc-aims{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:0 1.6rem;list-style:none;padding:0;margin:0.6rem 0;font-size:0.86rem}
.toc-aims ul{padding-left:1.1rem;margin:0.2rem 0}
.toc-aims li li{margin:0.15rem 0}
.toc-aim{font-weight:700}
.legend-list{display:flex;flex-wrap:wrap;gap:0.3rem 1rem;list-style:none;padding:0;margin:0.5rem 0;font-size:0.8rem;color:${MUTED}}
.legend-list li{display:flex;align-items:center;gap:0.35rem}
.legend-list svg{flex:none}
.badge{display:inline-block;border:1px solid;border-radius:3px;padding:0.05rem 0.4rem;font-size:0.78rem;font-weight:600;white-space:nowrap;line-height:1.35}
.status-no_target,.status-not_computed{border-style:dashed}
${badgeRules}
.aims{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:1.1rem;align-items:start}
.aim h3{font-size:1rem;padding:0.45rem 0.6rem;background:${INK};color:${PAPER};border-radius:3px 3px 0 0}
.aim h3 .count{font-weight:400}
.cards{list-style:none;margin:0;padding:0}
.card{border:1px solid ${RULE};border-top:none;padding:0.55rem 0.6rem 0.6rem;break-inside:avoid}
.card h4{font-size:0.86rem;font-weight:600;line-height:1.25}
.card h4 a{color:${INK};text-decoration:none}
.card h4 a:hover{text-decoration:underline}
.card .card-id{font-size:0.7rem;color:${MUTED};margin:0.1rem 0 0.25rem}
.card-main{display:flex;align-items:flex-end;justify-content:space-between;gap:0.4rem}
.card-value{margin:0;line-height:1.1}
.card-value .num{font-size:1.45rem;font-weight:700;font-variant-numeric:tabular-nums}
.card-value .unit{font-size:0.78rem;color:${MUTED};margin-left:0.15rem}
.card-ci{font-size:0.74rem;color:${MUTED};margin:0.1rem 0 0.2rem;font-variant-numeric:tabular-nums}
.card-facts{display:grid;grid-template-columns:auto 1fr;gap:0 0.5rem;font-size:0.74rem;margin:0.25rem 0;font-variant-numeric:tabular-nums}
.card-facts dt{color:${MUTED}}
.card-facts dd{margin:0}
.card-groups{font-size:0.74rem;margin:0.35rem 0 0;width:100%}
.card-groups th,.card-groups td{padding:0.12rem 0.25rem 0.12rem 0;border-bottom:none;background:none !important;font-weight:400}
.card-groups th{color:${MUTED}}
.card-groups .badge{font-size:0.7rem}
.badges{display:flex;flex-wrap:wrap;gap:0.25rem;margin:0.35rem 0 0}
.sparkline{display:block;flex:none}
.indicator{padding-top:0.4rem;margin-top:1.6rem;border-top:1px solid ${RULE}}
.eyebrow{font-size:0.78rem;color:${MUTED};text-transform:uppercase;letter-spacing:0.04em;margin:0.4rem 0 0.15rem}
.indicator .subtitle{color:${MUTED};font-size:0.88rem;margin-top:0.15rem}
.keyfigs{display:grid;grid-template-columns:repeat(auto-fit,minmax(118px,1fr));gap:0;margin:0.8rem 0;border:1px solid ${RULE}}
.keyfigs div{padding:0.4rem 0.55rem;border-right:1px solid ${RULE};min-width:0}
.keyfigs dt{font-size:0.7rem;color:${MUTED};text-transform:uppercase;letter-spacing:0.04em}
.keyfigs dd{margin:0.1rem 0 0;font-weight:600;font-variant-numeric:tabular-nums}
.keyfigs dd.big{font-size:1.3rem}
.keyfigs .badge,.groups .badge,.card-groups .badge{white-space:normal}
.keyfigs .small{font-size:0.72rem;font-weight:400;color:${MUTED}}
figure{margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
figcaption{margin-bottom:0.3rem}
figcaption .chart-sub{font-size:0.8rem;color:${MUTED};display:block}
figure svg{max-width:100%;height:auto;display:block}
.pair{display:grid;grid-template-columns:minmax(0,auto) minmax(0,1fr);gap:1.6rem;align-items:start}
.pair>*{min-width:0}
.equity-tables{display:flex;flex-wrap:wrap;gap:0 1.6rem;align-items:start}
.equity-tables table{margin-top:0}
.annotations{font-size:0.8rem;margin:0.2rem 0 0.4rem;padding-left:1.4rem;color:${INK}}
.annotations .when{color:${MUTED}}
details{margin:0.3rem 0;font-size:0.85rem}
summary{cursor:pointer;color:${LINK};font-weight:600}
.note-list{font-size:0.85rem;padding-left:1.2rem}
.empty{color:${MUTED};font-style:italic;font-size:0.88rem}
.signal-word{color:${SIGNAL};font-weight:600}
.signal-word.signal-improvement{color:${SIGNAL_IMPROVEMENT}}
.signal-word.signal-concern{color:${SIGNAL_CONCERN}}
.signal-word.signal-neutral{color:${SIGNAL_NEUTRAL}}
.provisional{color:${MUTED};font-style:italic;font-weight:400}
.variation-words{color:${MUTED};font-size:0.78rem;font-style:italic}
.data-end{font-weight:600}
.definitions dt{font-weight:700;margin-top:0.9rem}
.definitions dd{margin:0.2rem 0 0 0;max-width:52rem}
.definitions .meta{font-size:0.8rem;color:${MUTED}}
.back{font-size:0.8rem}
#notes h3{margin-top:1.1rem}
.series{margin-top:1.4rem;border-top:1px solid ${RULE};padding-top:0.4rem}
.doc-foot{margin-top:2.4rem;font-size:0.8rem;color:${MUTED};border-top:1px solid ${RULE};padding-top:0.6rem}
@media (max-width:900px){.aims,.toc-aims{grid-template-columns:1fr}.pair{grid-template-columns:1fr}.page{padding:16px}}
@page{size:A4;margin:${PRINT_MARGINS_MM.top}mm ${PRINT_MARGINS_MM.side}mm ${PRINT_MARGINS_MM.bottom}mm}
@media print{
html{font-size:8.5pt}
.page{max-width:none;padding:0}
a{color:${INK};text-decoration:none}
.toc,.back,details,summary{display:none}
/* SPEC §13.10: the definitions start a page; the overview follows the header, the indicators
   the overview and the notes the definitions, so no section's end leaves a page two thirds
   empty (the overview's last page was 32 % full). Inside a section the blocks flow, each kept whole (a chart with its tables, the key figures, the education
   tables) and no heading left at a page's foot. A page then ends early only where the next
   block does not fit, and no block is taller than two thirds of a page, so every page but a
   section's last is at least a third full. */
h2{break-before:page;break-after:avoid}
.doc-head + h2,.doc-head ~ .overview > h2,#municipal-overview > h2,#indicators > h2,.no-break-before,#indicators > h2 + .indicator,#notes > h2{break-before:auto}
h3,h4,figcaption,.eyebrow,.subtitle{break-after:avoid}
.aims{grid-template-columns:repeat(3,minmax(0,1fr));gap:0.6rem}
.card,figure,.keyfigs,.equity,.pair,.indicator-head,tr{break-inside:avoid;page-break-inside:avoid}
.indicator{break-before:auto;border-top:1px solid ${RULE};margin-top:0.9rem;padding-top:0.3rem}
.pair{grid-template-columns:minmax(0,auto) minmax(0,1fr)}
.keyfigs{grid-template-columns:repeat(auto-fit,minmax(86px,1fr));margin:0.5rem 0}
.keyfigs dd.big{font-size:1.15rem}
figure{margin:0.5rem 0}
.indicator .subtitle{margin-bottom:0}
figure svg{max-width:100%;height:auto}
/* The monthly chart at most 62 mm tall on paper and the yearly chart and the municipalities beside it at most 60 mm
   (narrower in proportion): with 22 indicators
   that is what keeps the report within 30 A4 pages once the municipal overview is in (§13.10). */
.chart-monthly .chart-wide svg{max-height:62mm;width:auto}
.pair svg{max-height:60mm;width:auto}
.definitions{columns:2;column-gap:1.4rem;font-size:0.88rem;line-height:1.35}
.card{padding:0.35rem 0.45rem 0.4rem}
.card-value .num{font-size:1.25rem}
.card .badges{margin-top:0.2rem}
.definitions dt{break-after:avoid;margin-top:0.6rem}
.definitions dd{break-inside:avoid}
}
`;
