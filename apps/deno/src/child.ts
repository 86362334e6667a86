/** A child process started by Deno.Command: the shared task loop over standard input and output. */
import { stdioChildEndpoint } from "@runtime-bench/harness/endpoints";
import { serveTasks } from "@runtime-bench/harness/protocol";
import { taskServices } from "./services.ts";

serveTasks(stdioChildEndpoint(), taskServices);
