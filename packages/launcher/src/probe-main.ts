/** Prints the machine-speed probe's time in ms; the launcher runs one copy pinned to each core, all at once. */
import { probeMachineSpeed } from "./speed-probe.ts";

process.stdout.write(`${probeMachineSpeed()}\n`);
