// The HTML renderers (SPEC §10): the annual Triple Aim report and `monitor --format html`,
// each from a view model (model.ts) that the report and monitor stages fill in.

export { renderReportHtml } from './report.js';
export { renderMonitorHtml } from './monitor.js';
export { chartTimings } from './charts/render.js';
export { monthlyChartSpec } from './charts/monthly.js';
export { yearlyChartSpec } from './charts/yearly.js';
export { municipalityChartSpec } from './charts/municipalities.js';
export type * from './model.js';
export { renderProfileHtml } from './profile.js';
