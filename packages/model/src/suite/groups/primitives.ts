/**
 * The primitive costs: each scenario's operation (its record's `operation`) repeated one after another; starting an
 * executor `startRepetitions` times, the others `repetitions` times; a round trip once per payload size (bytes both
 * copied and moved; 0: a small object, copied). One worker per core for the pool's dispatch.
 */
import type { PrimitiveOperation } from "../../scenarios/params.ts";
import { getRecord } from "../../scenarios/records.ts";
import type { Profile } from "../schema.ts";
import { cellOf, type ExpandContext, type GroupScenarios, type UnresolvedCell } from "./cell.ts";

export const primitiveScenarios: GroupScenarios = { accepts: (record) => record.kind === "primitive", message: "not a primitive scenario" };

type Primitives = NonNullable<Profile["cpu"]["primitives"]>;

/** Starting an executor costs milliseconds, the other operations microseconds: they are repeated apart. */
const REPEATED: Record<PrimitiveOperation, "startRepetitions" | "repetitions"> = {
  "worker-start": "startRepetitions",
  "process-start": "startRepetitions",
  "round-trip": "repetitions",
  "atomics-hand-off": "repetitions",
  "pool-dispatch": "repetitions",
};

/** The payloads an operation sends: a round trip one per size (copied, and moved where there are bytes), others none. */
const payloadsOf = (operation: PrimitiveOperation, { roundTripBytes }: Primitives) =>
  operation === "round-trip"
    ? roundTripBytes.flatMap((bytes) => [{ bytes, transfer: false }, ...(bytes > 0 ? [{ bytes, transfer: true }] : [])])
    : [null];

export function primitiveCells(profile: Profile, context: ExpandContext): UnresolvedCell[] {
  const primitives = profile.cpu.primitives;
  if (!primitives) return [];
  return primitives.scenarios.flatMap((scenarioId) => {
    const record = getRecord(scenarioId);
    if (record.kind !== "primitive") return [];
    const { operation } = record;
    const times = primitives[REPEATED[operation]];
    return payloadsOf(operation, primitives).map((payload) =>
      cellOf(scenarioId, {
        group: "primitives",
        cellId: `${scenarioId}${payload ? `/${payload.bytes}B/${payload.transfer ? "transfer" : "clone"}` : ""}/x${times}`,
        size: operation,
        params: {
          kind: "primitive",
          operation,
          repetitions: times,
          payloadBytes: payload?.bytes ?? 0,
          transfer: payload?.transfer ?? false,
          workers: context.cores,
        },
      }),
    );
  });
}
