/** A child process started by Deno.Command: the shared task loop over standard input and output. */
import { stdioChildEndpoint } from "@runtime-bench/in-runtime/endpoints";
import { serveTasks } from "@runtime-bench/in-runtime/protocol";
import { taskServices } from "./services.ts";

serveTasks(stdioChildEndpoint(), taskServices);
