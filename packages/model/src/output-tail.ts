/**
 * The last lines a process wrote to its standard error, kept within a bound, so that a failure can say why
 * ("child process exited (1): Error: ...") instead of only that it happened.
 */
export class OutputTail {
  private text = "";
  private readonly maxChars: number;

  constructor(maxChars = 600) {
    this.maxChars = maxChars;
  }

  push(chunk: string): void {
    this.text = (this.text + chunk).slice(-4 * this.maxChars);
  }

  /** Up to `count` last non-empty lines on one line (a reason lands in a table cell), at most maxChars long. */
  lastLines(count = 5): string {
    const lines = this.text
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "");
    const joined = lines.slice(-count).join(" / ");
    return joined.length > this.maxChars ? `…${joined.slice(-this.maxChars)}` : joined;
  }

  /** `what`, followed by the tail where there is one: "child process exited (1): Error: boom". */
  explain(what: string): string {
    const tail = this.lastLines();
    return tail ? `${what}: ${tail}` : what;
  }
}
