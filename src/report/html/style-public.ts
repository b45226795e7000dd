// The style of the pages of SPEC §13.9 (issue 21): the overview of the municipalities, one
// municipality's profile, assurance badges and the CSV downloads. Kept apart from style.ts
// (the base sheet) and appended after it in every document; colours from palette.ts.

import { ASSURANCE_BADGES, LEVEL_COLOURS, LINK, MUTED, OVERVIEW_CELLS, PAPER, RULE, ZEBRA } from './palette.js';

const levelRules = Object.entries(OVERVIEW_CELLS)
  .map(([k, c]) => `.ov td.ov-${k}{background:${c.bg}}\n.ov-${k} .ov-sym,.sym-${k}{color:${LEVEL_COLOURS[k as keyof typeof LEVEL_COLOURS]}}`)
  .join('\n');
const assuranceRules = Object.entries(ASSURANCE_BADGES)
  .map(([k, b]) => `.assurance-${k}{color:${b.fg};background:${b.bg};border-color:${b.border}}`)
  .join('\n');

export const PUBLIC_STYLE = `
/* SPEC §13.9 (issue 21). The scrolling box is the containing block of the .sr-only words inside it (absolutely positioned), or they would widen the page. */
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.table-scroll{position:relative;max-width:100%;overflow-x:auto;border:1px solid ${RULE};margin:0.5rem 0}
.table-scroll:focus-visible{outline:2px solid ${LINK};outline-offset:2px}
.ov{margin:0;font-size:0.78rem}
.ov th,.ov td{padding:0.2rem 0.35rem}
.ov thead th{vertical-align:bottom}
.ov thead th.muni{white-space:nowrap;writing-mode:vertical-rl;transform:rotate(180deg);text-align:left;font-weight:600;padding:0.4rem 0.15rem}
.ov th[scope=row]{position:sticky;left:0;z-index:1;background:${PAPER};font-weight:600;min-width:11rem;max-width:16rem;white-space:normal}
.ov tbody tr:nth-child(even) th[scope=row]{background:${ZEBRA}}
.ov td.ov-region{font-weight:700;border-right:2px solid ${MUTED}}
.ov td{white-space:nowrap;text-align:right}
.ov .ov-sym{margin-left:0.15rem}
.ov .ov-basis{display:block;font-weight:400;color:${MUTED};font-size:0.72rem}
.ov td.ov-none{color:${MUTED};text-align:left;font-style:italic}
${levelRules}
.assurance{display:inline-flex;align-items:center;gap:0.25rem}
.assurance svg{flex:none}
${assuranceRules}
.download{font-size:0.85rem;margin:0.3rem 0}
.download a{font-weight:600}
.profile th[scope=row]{font-weight:600;min-width:10rem;position:sticky;left:0;z-index:1;background:${PAPER}}
.profile tbody tr:nth-child(even) th[scope=row]{background:${ZEBRA}}
.profile td{vertical-align:middle}
.profile td.cmp{min-width:9rem}
.spine{display:block}
.profile .unit-note{display:block;color:${MUTED};font-size:0.72rem;font-weight:400}
.profile h3{margin-top:1.2rem}
.ov-legend .sym{font-size:1rem;line-height:1}
@media (max-width:600px){.profile th[scope=row],.ov th[scope=row]{min-width:7.5rem;max-width:9rem}}
@media print{
.download{display:none}
.table-scroll{overflow:visible;border:none}
/* A4's 184 mm hold the 21 columns only this tight; nothing may be cut (no scrolling on paper). */
.ov{font-size:6pt;width:100%}
.ov th,.ov td{padding:0.08rem 0.06rem}
.ov th[scope=row],.profile th[scope=row]{position:static}
.ov th[scope=row]{min-width:0;max-width:7rem}
.ov .ov-sym{margin-left:0.05rem}
.ov thead th.muni{padding:0.2rem 0.02rem}
.profile{font-size:7.5pt}
.profile tr{break-inside:avoid}
}
`;
