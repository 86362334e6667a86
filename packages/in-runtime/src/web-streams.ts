/** Reading a child's output as Bun and Deno give it: a Web ReadableStream of bytes, decoded as UTF-8. */
import type { OutputTail } from "@runtime-bench/model/output-tail";

/** Calls `onText` with each decoded piece of the stream, to its end. */
export async function decodeStream(stream: ReadableStream<Uint8Array>, onText: (text: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onText(decoder.decode(value, { stream: true }));
  }
}

/** Keeps the end of the stream in a tail (a child's stderr, for a failure's reason). */
export const collectInto = (tail: OutputTail, stream: ReadableStream<Uint8Array>): Promise<void> =>
  decodeStream(stream, (text) => tail.push(text));

/** Calls `onLine` with each complete line of the stream (a child speaking one JSON message per line). */
export function readLines(stream: ReadableStream<Uint8Array>, onLine: (line: string) => void): Promise<void> {
  let buffered = "";
  return decodeStream(stream, (text) => {
    buffered += text;
    for (let newline = buffered.indexOf("\n"); newline >= 0; newline = buffered.indexOf("\n")) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
    }
  });
}
