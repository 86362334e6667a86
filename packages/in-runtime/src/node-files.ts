/** node:fs, the file API Node has natively and Bun implements: fs.promises, and the synchronous calls for the blocking model. */
import { readFileSync, writeFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import type { FileServices } from "@runtime-bench/workloads";

export const nodeFsSync: Pick<FileServices, "writeSync" | "readSync"> = {
  writeSync: (path, data) => writeFileSync(path, data),
  readSync: (path) => readFileSync(path),
};

export const nodeFileServices: FileServices = {
  write: (path, data) => writeFile(path, data),
  read: (path) => readFile(path),
  ...nodeFsSync,
};
