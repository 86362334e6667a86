/**
 * The file task: write `bytes` bytes of a known pattern to a file, read them back and check them. Its value is
 * the sum of the bytes read, which has a closed form, so a short, truncated or wrong file fails verification.
 */
import type { FileServices, FileTask } from "./task.ts";

/** Byte i of every file: 31 is odd, so each run of 256 bytes holds every value 0-255 once. */
const byteAt = (index: number) => (index * 31 + 7) & 255;
/** The sum of one run of 256 bytes: 0 + 1 + ... + 255. */
const PERIOD_SUM = (255 * 256) / 2;

/** Files are at most 256 MiB: a bigger one is a mistake in the suite, not a measurement. */
export const MAX_FILE_BYTES = 256 * 2 ** 20;

// One buffer per size and process, made before timing (a warm-up writes the same size): every task writes it.
const contents = new Map<number, Uint8Array>();

/** The content every file of this size holds. */
export function fileContent(bytes: number): Uint8Array {
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > MAX_FILE_BYTES)
    throw new RangeError(`a file is 0 to ${MAX_FILE_BYTES} bytes, got ${bytes}`);
  let content = contents.get(bytes);
  if (!content) {
    content = new Uint8Array(bytes);
    for (let index = 0; index < bytes; index++) content[index] = byteAt(index);
    contents.set(bytes, content);
  }
  return content;
}

/** The value a correct round trip of a file of this size returns, without building the file. */
export function expectedFileChecksum(bytes: number): number {
  let sum = Math.floor(bytes / 256) * PERIOD_SUM;
  for (let index = bytes - (bytes % 256); index < bytes; index++) sum += byteAt(index);
  return sum;
}

/** The sum of the bytes read back, after checking there are as many as were written. */
export function checksumOfRead(data: Uint8Array, bytes: number, path: string): number {
  if (data.length !== bytes) throw new Error(`${path}: read ${data.length} bytes back, wrote ${bytes}`);
  let sum = 0;
  for (let index = 0; index < data.length; index++) sum += data[index]!;
  return sum;
}

/** Writes the file with the synchronous API (which blocks the calling thread) and reads it back. */
export function fileRoundTripSync(task: FileTask, files: FileServices): number {
  files.writeSync(task.path, fileContent(task.bytes));
  return checksumOfRead(files.readSync(task.path), task.bytes, task.path);
}

/** Writes the file with the asynchronous API and reads it back. */
export async function fileRoundTrip(task: FileTask, files: FileServices): Promise<number> {
  await files.write(task.path, fileContent(task.bytes));
  return checksumOfRead(await files.read(task.path), task.bytes, task.path);
}
