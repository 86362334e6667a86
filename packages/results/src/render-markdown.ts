/**
 * Renders the cross-runtime report from one run's result file, in two layers, from one declared list of sections
 * (SECTIONS below: each one's page, heading and body; README.md's contents come from the same list). README.md is what a person reads: the
 * summary (a run-quality box, then the claims, summary.ts), a contents list, the charts, the lesson table and one
 * table per part of the suite (render-overview.ts). details.md holds the rest: the environment and method, the full
 * reading, every verdict, the noise guards and every cell's table. A run of a user's task (task-run.ts) has a layout
 * of its own (TASK_LAYOUT): its title, its summary (task-summary.ts) and its table, and none of the lesson's parts.
 */
import type { RunResult } from "@runtime-bench/model/schema";
import { MIN_RUNS_FOR_INTERVAL } from "@runtime-bench/model/stats";
import { EFFECT_THRESHOLD } from "@runtime-bench/model/verdict";
import { type Analysis, analyze } from "./analyze.ts";
import { isHeadline } from "./cells.ts";
import type { Chart } from "./charts/index.ts";
import { PAY_OFF_EXPLAINED } from "./claim-words.ts";
import { percent } from "./format.ts";
import { anchorOf, DETAILS_FILE, RAW_FILES, REPORT_FILE, TITLES } from "./links.ts";
import { CV_FLAG_LEGEND, flagged } from "./noise.ts";
import { cellSection, noiseSection, variantSection, verdictSection } from "./render-cells.ts";
import { crossoverSection, primitivesSection, scalingSection, workloadsSection } from "./render-cpu-sweeps.ts";
import { environment, howMeasured } from "./render-environment.ts";
import { filesSection } from "./render-files.ts";
import { ioSweepSection } from "./render-io-sweep.ts";
import { IO_PAY_OFF_EXPLAINED, ioTaskHowRun, ioTaskModels, ioTaskPoints, ioTaskSummary, ioTaskTitle, isIoTask } from "./render-io-task.ts";
import { implementations, lessonSection } from "./render-lesson.ts";
import { crossoverOverview, filesOverview, headlineOverview, ioOverview, scalingOverview, workloadsOverview } from "./render-overview.ts";
import { runQualityBox } from "./render-run-quality.ts";
import { denoPermissions, inputCostLine, taskHowRun, taskOverview, taskTitle } from "./render-task.ts";
import { versionsSection } from "./render-versions.ts";
import { isSmokeRun, type Settlement, settlement } from "./run-quality.ts";
import { reading, summary, taskSummary } from "./summary.ts";
import { type TaskRun, taskOf } from "./task-run.ts";
import { capitalise, wrapBullet, wrapWords } from "./text.ts";

/** A chart beside the report: its file relative to the report, its title, and one sentence for those who cannot see it. */
type ChartReference = Pick<Chart, "file" | "title" | "alt">;

/** The two files a report is: README.md, what a person reads, and details.md, everything else. */
export interface ReportPages {
  readme: string;
  details: string;
}

/** What every section is rendered from: one run, its analysis, its charts and how far its comparisons settled. */
interface ReportInput {
  result: RunResult;
  analysis: Analysis;
  charts: readonly ChartReference[];
  quality: Settlement;
  /** A smoke run draws no conclusion: the sections that would are left out. */
  smoke: boolean;
}

/**
 * One section of the report: the page it is on, its heading (written here, and listed in README.md's contents), and
 * its body. A body without lines leaves the whole section out, heading included; a section without a title heads its
 * own parts (a table per cell, each under a heading of its own).
 */
interface Section {
  page: "readme" | "details";
  title: string | null;
  render: (input: ReportInput) => string[];
}

/** The suite's report, in order: README.md's sections, then details.md's. A new section is one entry. */
const SECTIONS: readonly Section[] = [
  {
    page: "readme",
    title: TITLES.summary,
    render: ({ result, analysis, quality, smoke }) =>
      smoke
        ? smokeRunNote(result, "The main profile (`npx pnpm turbo bench`) answers the lesson.")
        : [...runQualityBox(result, analysis.tables, quality), ...summary(result, analysis).flatMap((line) => wrapBullet(line)), ""],
  },
  { page: "readme", title: TITLES.versions, render: ({ analysis, smoke }) => (smoke ? [] : versionsSection(analysis)) },
  { page: "readme", title: TITLES.charts, render: ({ charts }) => chartSection(charts) },
  { page: "readme", title: TITLES.lesson, render: ({ analysis }) => lessonSection(analysis) },
  { page: "readme", title: TITLES.headline, render: ({ analysis }) => headlineOverview(analysis.tables) },
  { page: "readme", title: TITLES.scaling, render: ({ analysis }) => scalingOverview(analysis.tables) },
  { page: "readme", title: TITLES.crossover, render: ({ analysis }) => crossoverOverview(analysis) },
  { page: "readme", title: TITLES.workloads, render: ({ analysis }) => workloadsOverview(analysis.tables) },
  { page: "readme", title: TITLES.primitives, render: ({ analysis }) => primitivesSection(analysis.tables) },
  { page: "readme", title: TITLES.io, render: ({ result, analysis }) => ioOverview(result, analysis) },
  { page: "readme", title: TITLES.files, render: ({ analysis }) => filesOverview(analysis.tables) },
  { page: "details", title: TITLES.environment, render: ({ result, analysis }) => environment(result, analysis) },
  { page: "details", title: TITLES.howMeasured, render: ({ result, analysis, quality }) => howMeasured(result, analysis, quality) },
  {
    page: "details",
    title: TITLES.reading,
    render: ({ analysis, smoke }) => (smoke ? [] : [...reading(analysis).map((line) => `- ${line}`), ""]),
  },
  { page: "details", title: TITLES.verdicts, render: ({ analysis, smoke }) => (smoke ? [] : verdictSection(analysis)) },
  { page: "details", title: TITLES.noise, render: ({ result, analysis }) => noiseSection(result, analysis.tables) },
  { page: "details", title: TITLES.references, render: ({ analysis }) => implementations(analysis.tables) },
  {
    page: "details",
    title: null,
    render: ({ analysis }) =>
      analysis.tables.filter((table) => isHeadline(table) && table.cell.comparedAcrossRuntimes).flatMap(cellSection),
  },
  { page: "details", title: TITLES.variants, render: ({ analysis }) => variantSection(analysis.tables) },
  { page: "details", title: TITLES.scaling, render: ({ analysis }) => scalingSection(analysis.tables) },
  { page: "details", title: TITLES.crossover, render: ({ result, analysis }) => crossoverSection(result, analysis) },
  { page: "details", title: TITLES.workloads, render: ({ analysis }) => workloadsSection(analysis) },
  { page: "details", title: TITLES.ioSweep, render: ({ result, analysis }) => ioSweepSection(result, analysis) },
  { page: "details", title: TITLES.files, render: ({ analysis }) => filesSection(analysis) },
  { page: "details", title: TITLES.howToRead, render: () => howToRead() },
];

/** The sections of details.md that any run has: what it was measured on and how, its verdicts and noise, its cells. */
const ANY_RUN_DETAILS: readonly Section[] = SECTIONS.filter(
  (section) =>
    section.page === "details" &&
    ([TITLES.environment, TITLES.howMeasured, TITLES.verdicts, TITLES.noise, null, TITLES.howToRead] as Array<string | null>).includes(
      section.title,
    ),
);

/**
 * A user's task's report: the summary answers the task's questions; the lesson's table, the Python reference, the
 * reading and the suite's other groups have nothing to say about it and are not listed.
 */
const taskSections = (task: TaskRun): readonly Section[] => [
  {
    page: "readme",
    title: TITLES.summary,
    render: ({ result, analysis, quality, smoke }) =>
      smoke
        ? smokeRunNote(
            result,
            `A run of at least ${MIN_RUNS_FOR_INTERVAL} rounds (\`npx pnpm turbo bench -- --task FILE\`, without \`--quick\`) answers which model pays off, from what size, on which runtime.`,
          )
        : [
            ...runQualityBox(result, analysis.tables, quality),
            ...wrapWords(isIoTask(task) ? IO_PAY_OFF_EXPLAINED : PAY_OFF_EXPLAINED),
            "",
            ...(isIoTask(task) ? ioTaskSummary(task, result) : [...taskSummary(task), ...inputCostLine(task)]).flatMap((line) =>
              wrapBullet(line),
            ),
            "",
          ],
  },
  { page: "readme", title: TITLES.versions, render: ({ analysis, smoke }) => (smoke ? [] : versionsSection(analysis)) },
  { page: "readme", title: TITLES.charts, render: ({ charts }) => chartSection(charts) },
  ...(isIoTask(task)
    ? ([
        { page: "readme", title: TITLES.taskHowRun, render: () => ioTaskHowRun(task, denoPermissions(task)) },
        { page: "readme", title: TITLES.ioTaskModels, render: () => ioTaskModels(task) },
        { page: "readme", title: TITLES.ioTaskPoints, render: () => ioTaskPoints(task) },
      ] satisfies Section[])
    : ([
        { page: "readme", title: TITLES.taskHowRun, render: () => taskHowRun(task) },
        { page: "readme", title: TITLES.taskModels, render: () => taskOverview(task) },
      ] satisfies Section[])),
  ...ANY_RUN_DETAILS,
];

/** What tells one report from the other: its title, each page's opening (what the pages hold), and its sections. */
interface Layout {
  title: string;
  detailsTitle: string;
  opening: string[];
  detailsOpening: string[];
  sections: readonly Section[];
}

/** Each page's opening: what README.md holds (`readmeHolds`), and that details.md holds everything else. */
const openings = (readmeHolds: string, forThis = ""): Pick<Layout, "opening" | "detailsOpening"> => ({
  opening: wrapWords(
    `Generated by \`packages/results\` from \`run.json\` in this folder; do not edit by hand. This page holds ${readmeHolds}${forThis}; ` +
      `[\`${DETAILS_FILE}\`](${DETAILS_FILE}) holds everything else: every verdict, per-cell tables, the noise guards, the environment, ` +
      `how the run was measured and what was not measured; [\`${RAW_FILES.csv}\`](${RAW_FILES.csv}) and [\`${RAW_FILES.json}\`](${RAW_FILES.json}) ` +
      "hold every figure and every run.",
  ),
  detailsOpening: wrapWords(
    `Generated with [README.md](${REPORT_FILE}) from \`run.json\`; do not edit by hand. ${capitalise(readmeHolds)} are there; here is ` +
      "everything else, every figure with its interval and rounds.",
  ),
});

const SUITE_LAYOUT: Layout = {
  title: "runtime-bench results",
  detailsTitle: "runtime-bench results: the details",
  ...openings("the summary and one table per part of the suite"),
  sections: SECTIONS,
};

const taskLayout = (task: TaskRun): Layout => ({
  title: isIoTask(task) ? ioTaskTitle(task) : taskTitle(task),
  detailsTitle: `${task.name}: the details`,
  ...openings(`the summary and the table of every model at every ${isIoTask(task) ? "level" : "size"}`, ` of ${task.name}`),
  sections: taskSections(task),
});

const layoutOf = (analysis: Analysis): Layout => {
  const task = taskOf(analysis.tables);
  return task ? taskLayout(task) : SUITE_LAYOUT;
};

/** A page's sections that have something to say, each with its body. */
const sectionsOf = (sections: readonly Section[], page: Section["page"], input: ReportInput) =>
  sections
    .filter((section) => section.page === page)
    .map((section) => ({ title: section.title, lines: section.render(input) }))
    .filter(({ lines }) => lines.length > 0);

const pageBody = (sections: ReturnType<typeof sectionsOf>): string[] =>
  sections.flatMap(({ title, lines }) => (title === null ? lines : [`## ${title}`, "", ...lines]));

/** `analysis`: analyze(result), where the caller has it already (the charts and the CSV are drawn from the same). */
export function renderReport(result: RunResult, charts: readonly ChartReference[] = [], analysis: Analysis = analyze(result)): ReportPages {
  const input: ReportInput = { result, analysis, charts, quality: settlement(analysis), smoke: isSmokeRun(result) };
  const layout = layoutOf(analysis);
  const readmeSections = sectionsOf(layout.sections, "readme", input);
  const readme = [
    `# ${layout.title}`,
    "",
    ...layout.opening,
    "",
    ...RATIO_EXPLAINED,
    "",
    ...targetNote(result),
    "## Contents",
    "",
    ...readmeSections.flatMap(({ title }) => (title === null ? [] : [`- [${title}](#${anchorOf(title)})`])),
    `- [${DETAILS_FILE}](${DETAILS_FILE}): the rest`,
    "",
    ...pageBody(readmeSections),
  ].join("\n");
  const details = [
    `# ${layout.detailsTitle}`,
    "",
    ...layout.detailsOpening,
    "",
    ...RATIO_EXPLAINED,
    "",
    ...pageBody(sectionsOf(layout.sections, "details", input)),
  ].join("\n");
  return { readme, details };
}

/** The verdict rule's threshold as the sentences that state it say it: "5%". */
const THRESHOLD = percent(EFFECT_THRESHOLD);

/** Every ratio in both files is a speed-up, said once here. */
const RATIO_EXPLAINED = [
  "**How to read a figure.** Every ratio is a speed-up: the reference's time over the subject's, so above 1x the subject is",
  "faster and below 1x slower; `1.84x [1.74–1.93, n = 12] faster` is the median over 12 rounds of runs taken side by side,",
  'its distribution-free 95% interval, and its verdict: "faster"/"slower" where the interval excludes 1.0 and the',
  `difference is at least ${THRESHOLD}, "equivalent" where the whole interval lies within ±${THRESHOLD}, "inconclusive" otherwise.`,
];

function targetNote(result: RunResult): string[] {
  const { target } = result.run;
  return target ? [...wrapWords(flagged({ kind: "real-target", target }), 118).map((line) => `> ${line}`), ""] : [];
}

/** A smoke run (fewer rounds than an interval needs) checks that every cell runs and verifies; it draws no conclusion. */
function smokeRunNote(result: RunResult, whatAnswers: string): string[] {
  const cells = result.runtimes.flatMap((runtime) => (runtime.status === "measured" ? runtime.cells : []));
  const verified = cells.filter((cell) => cell.status === "ok").length;
  const rounds = `${result.run.rounds.counted} round${result.run.rounds.counted === 1 ? "" : "s"}`;
  return [
    `**A smoke run** (profile ${result.run.profile}, ${rounds}): ${verified} of ${cells.length} runtime cells ran and verified; the`,
    `other ${cells.length - verified} are n/a or failed, each with why in its row. Fewer rounds than the ${MIN_RUNS_FOR_INTERVAL} a 95% interval needs give`,
    "no interval and no verdict, so this report draws no conclusion and has no reading or verdict table; its figures are",
    ...wrapWords(`single runs. ${whatAnswers}`),
    "",
  ];
}

function chartSection(charts: readonly ChartReference[]): string[] {
  if (charts.length === 0) return [];
  // The description is wrapped: a line break inside an image's description is part of it, as in any paragraph.
  return [...charts.flatMap((chart) => [`### ${chart.title}`, "", ...wrapWords(`![${chart.alt}](${chart.file})`), ""])];
}

function howToRead(): string[] {
  return [
    "- **median wall [95% CI]**: the timed part only, until every task has answered (set-up such as pool start and connection",
    "  warm-up is excluded; where a model starts a worker or process per task, its start-up is included, because it is the",
    "  model's cost, and its teardown runs off the clock in every runtime alike).",
    "- **speed-up vs baseline**: the cell against the cell it declares as its baseline (for CPU cells the sequential run of",
    "  the same size; for worker threads doing I/O, the async requests), in the same runtime: the median over rounds of",
    "  (baseline run ÷ this cell's run in the same round, the two side by side), with its distribution-free 95% interval,",
    "  the verdict and the rounds behind it (n).",
    "- **efficiency**: the speed-up over the ideal min(tasks, workers, cores) for CPU cells; ceil(N / in-flight) x latency over",
    "  the measured time for I/O cells.",
    "- **vs fastest**: this runtime's speed against the fastest runtime's (lowest median): its time over this one's, paired like the speed-ups (for a Python",
    "  reference, a ratio of medians, unpaired: a reference runs in blocks of its own).",
    '  "(fastest)" marks a runtime only where every other runtime was slower by the verdict rule.',
    `- **verdicts**: "faster"/"slower" only where the interval excludes 1.0 and the difference is at least ${THRESHOLD}; "equivalent"`,
    `  where the whole interval lies within ±${THRESHOLD}; "inconclusive" otherwise (also where the per-round ratios split into two`,
    `  clusters, and with fewer than ${MIN_RUNS_FOR_INTERVAL} rounds, which give no interval). "Did not pay off" means slower or equivalent.`,
    "- **start-up: ready / stop**: for models that start a worker or process per task, the median time from asking for one to",
    '  its first message (loaded and warmed up), and from asking it to stop to the runtime reporting it gone ("not',
    '  reported" where the runtime has no such signal).',
    "- **event-loop lag: max / p99**: how late a timer asking to run every 10 ms on the main thread ran, at worst and at",
    "  the 99th percentile, during the timed part (medians over runs): how long the main thread could answer nothing else.",
    "- **CPU user+sys**, **busy cores**: CPU time of the measured process tree over the timed window (including teardowns),",
    "  and that time over the window (2.00 = two cores' worth throughout). **other load**: what the rest of the machine did",
    "  in the same window. **peak PSS (tree)**: the tree's summed proportional memory, read by the same meter in every cell.",
    `- **CV**: coefficient of variation of the runs (${CV_FLAG_LEGEND}); **n**: counted runs, each in a fresh process.`,
    "",
  ];
}
