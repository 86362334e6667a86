/** The report's files and the links between them, named once: every page and section links through these. */

/** What a person reads first, and the second page with everything else. */
export const REPORT_FILE = "README.md";
export const DETAILS_FILE = "details.md";

/** `--baseline`'s page: this run against another. */
export const COMPARISON_FILE = "comparison.md";

/** The folder of the charts (charts/*.svg), embedded in README.md. */
export const CHART_FOLDER = "charts";

/** The machine-readable files beside the report. */
export const RAW_FILES = {
  json: "run.json",
  csv: "results.csv",
} as const;

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
export const anchorOf = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");

/** A link to a section of details.md. */
export const detailsLink = (heading: string, text = "details"): string => `[${text}](${DETAILS_FILE}#${anchorOf(heading)})`;
