/** One way to turn anything thrown into a message (tinybench's toError, for messages). */
export function toMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Thrown by a scenario's set-up when this runtime cannot run the cell at all; the cell shows "n/a (reason)". */
export class NotApplicableError extends Error {
  override name = "NotApplicableError";
}
