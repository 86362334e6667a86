export { type Analysis, analyze, type CellTable, type Row } from "./analyze.ts";
export { type Chart, renderCharts } from "./charts/index.ts";
export { readResultFile, readResults } from "./read-results.ts";
export { CSV_COLUMNS, renderCsv } from "./render-csv.ts";
export { renderReport } from "./render-markdown.ts";
export { reading, summary } from "./summary.ts";
