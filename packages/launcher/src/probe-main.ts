/** Prints the machine-speed probe's time in ms over the timed rounds given; the launcher runs one copy pinned to each core, all at once. */
import { probeMachineSpeed } from "./speed-probe.ts";

const rounds = Number(process.argv[2]);
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`usage: probe-main.ts <timed rounds, a positive integer>; got ${process.argv[2]}`);
process.stdout.write(`${probeMachineSpeed(rounds)}\n`);
