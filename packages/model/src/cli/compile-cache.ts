/**
 * Node strips the TypeScript types of every module at every start: ~0.2 s for a launcher's ~190 modules here, paid
 * again by each of the dozens of Node processes a run or the test suite starts. Node's compile cache keeps the
 * stripped, compiled code between starts (one folder per Node version inside it, so versions never read each
 * other's entries); set as NODE_COMPILE_CACHE on a process, it holds for that process and, inherited, its children.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";

export const NODE_COMPILE_CACHE_DIR = join(tmpdir(), "runtime-bench", "node-compile-cache");
