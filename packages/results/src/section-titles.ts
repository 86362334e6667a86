/**
 * Every section's heading, named once: the section list (render-markdown.ts) writes each heading and the contents
 * from these, and a link into details.md names its section by the same value, so a renamed section keeps its links.
 */
export const TITLES = {
  summary: "Summary",
  charts: "Charts",
  lesson: "The lesson, then and now",
  headline: "Headline: every model against the sequential run",
  scaling: "Scaling: speed-up against the number of workers",
  crossover: "Crossover: from what work per task a model pays off",
  workloads: "Other workloads: is it only the tight loop?",
  primitives: "Primitive costs",
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
} as const;
