/** Prints the machine-speed probe's time in ms; the launcher runs it pinned to one core at a time. */
import { probeMachineSpeed } from "./speed-probe.ts";

process.stdout.write(`${probeMachineSpeed()}\n`);
