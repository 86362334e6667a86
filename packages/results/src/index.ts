export { readResults, readResultFile } from "./read-results.ts";
export { analyze, type CellTable, type Row } from "./analyze.ts";
export { findings } from "./findings.ts";
export { renderReport } from "./render-markdown.ts";
