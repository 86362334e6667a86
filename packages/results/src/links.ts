/** The report's files, its sections' headings and the links between them, named once: every page and link reads these. */

/** What a person reads first, the second page with everything else, `--baseline`'s page, the charts' folder. */
export const REPORT_FILE = "README.md";
export const DETAILS_FILE = "details.md";
export const COMPARISON_FILE = "comparison.md";
export const CHART_FOLDER = "charts";

/** The machine-readable files beside the report. */
export const RAW_FILES = { json: "run.json", csv: "results.csv" } as const;

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
export const anchorOf = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");

/** A link to a section of details.md. */
export const detailsLink = (heading: string, text = "details"): string => `[${text}](${DETAILS_FILE}#${anchorOf(heading)})`;

/** Every section's heading: the section list writes headings and contents from these, and links name sections by them. */
export const TITLES = {
  summary: "Summary",
  charts: "Charts",
  lesson: "The lesson, then and now",
  headline: "Headline: every model against the sequential run",
  scaling: "Scaling: speed-up against the number of workers",
  crossover: "Crossover: from what work per task a model pays off",
  workloads: "Other workloads: is it only the tight loop?",
  primitives: "Primitive costs",
  versions: "Versions and builds: contenders of one runtime",
  io: "I/O: requests in flight and worker threads",
  ioSweep: "I/O: requests in flight, latency and the models",
  files: "Files: blocking calls, async calls and worker threads",
  environment: "Environment",
  howMeasured: "How this run was measured",
  reading: "What the numbers say",
  verdicts: "Verdicts",
  noise: "Noise guards",
  references: "What the references ran",
  variants: "Labelled variants (not compared across runtimes)",
  howToRead: "How to read this",
  taskHowRun: "How the task was run",
  taskModels: "Every model against the sequential run, at each size",
  ioTaskModels: "Every model against the sequential run, at each level",
  ioTaskPoints: "At each point: time, units per second, latency, efficiency, memory",
} as const;
