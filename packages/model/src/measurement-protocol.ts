/**
 * What crosses between the launcher and a measurement process (cell-process.ts for the JavaScript runtimes,
 * apps/python/src/cell_process.py for the Python references), defined once as schemas: the cell request the
 * launcher passes in argv, the messages the process prints on tagged stdout lines, and the launcher's answer at
 * a waiting gate. Every message carries its `type`.
 *
 * Both ends validate, always outside the timed window: the launcher checks a request before it starts the process
 * and every line that comes back (measurement-process.ts, in its own process, so the measured one pays nothing);
 * a JavaScript measurement process checks its request before it prepares the cell. The Python app cannot run zod:
 * it relies on the launcher's check of the request, and apps/python/test checks its lines against these schemas.
 *
 * Only zod and data modules are imported here, so any package may speak the protocol without the models.
 */
import { z } from "zod";
import type { CellSpec } from "./scenarios/params.ts";
import { CELL_GROUPS, cellParamsSchema } from "./scenarios/params.ts";
import { cellOutputSchema, describeOutputSchema } from "./schema.ts";

/** Marks the stdout lines the launcher reads, so runtime warnings on stdout cannot be mistaken for them. */
export const OUTPUT_TAG = "@@runtime-bench ";

const cellSpecSchema = z.object({
  group: z.enum(CELL_GROUPS),
  cellId: z.string(),
  scenarioId: z.string(),
  size: z.string(),
  params: cellParamsSchema,
  baseline: z.string().nullable(),
  pairedWith: z.string().nullable(),
  comparedAcrossRuntimes: z.boolean(),
}) satisfies z.ZodType<CellSpec>;

/** What one measurement process is asked to do with one cell (`--cell <json>`). */
export const cellRequestSchema = z.object({
  cell: cellSpecSchema,
  /** Repeat the work in-process with mitata after the timed part (done in the first round, for headline cells). */
  measureInProcess: z.boolean(),
  /** The folder a file cell writes in, made (and removed) by the launcher. */
  scratchDir: z.string().optional(),
});
export type CellRequest = z.infer<typeof cellRequestSchema>;

const GATE_EVENTS = ["timing-start", "timing-end"] as const;

/**
 * A gate line: the event, this process's own CPU time (all its threads) at that moment in µs, and whether the
 * process now waits for the launcher's answer (GateAnswer). The start gate does not wait: any pause between the
 * warm-up and the timed part changes what is timed (Bun ran the loop ~7% slower after a 20 ms pause here), so the
 * launcher starts its meter when the line arrives, within a millisecond. The end gate waits, off the clock, so the
 * launcher can read the tree before the process exits.
 */
const gateMessageSchema = z.object({
  type: z.literal("gate"),
  gate: z.enum(GATE_EVENTS),
  cpuUs: z.object({ user: z.number().nonnegative(), system: z.number().nonnegative() }),
  waits: z.boolean(),
});
export type GateMessage = z.infer<typeof gateMessageSchema>;

/** A measured cell as the runtime saw it (the first of cellOutputSchema's forms; the other, n/a, is a message of its own here). */
const measuredOutputSchema = cellOutputSchema.options[0];
export type MeasuredOutput = z.infer<typeof measuredOutputSchema>;

/** The process's last line, one of these: */
const finalMessageSchema = z.discriminatedUnion("type", [
  /** `--describe`: the runtime, its clock and its HTTP clients. */
  z.object({ type: z.literal("described"), description: describeOutputSchema }),
  /** `--cell`: the cell measured once. */
  z.object({ type: z.literal("measured"), output: measuredOutputSchema }),
  /** `--cell`: the runtime cannot run this cell (a client or API it does not have); the reason is shown as n/a. */
  z.object({ type: z.literal("not-applicable"), cellId: z.string(), reason: z.string() }),
  /** Anything else: why the process failed (it exits with a non-zero code). */
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type FinalMessage = z.infer<typeof finalMessageSchema>;

/** Every tagged line a measurement process prints. */
export const measurementMessageSchema = z.discriminatedUnion("type", [gateMessageSchema, ...finalMessageSchema.options]);
export type MeasurementMessage = z.infer<typeof measurementMessageSchema>;

/** The launcher's answer to a waiting gate, one line on the process's stdin: it has read what it reads there. */
export const gateAnswerSchema = z.object({ type: z.literal("gate-passed") });
export type GateAnswer = z.infer<typeof gateAnswerSchema>;
