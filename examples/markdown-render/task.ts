/**
 * Rendering markdown to HTML with a real npm library (marked), as a server rendering user content would: a
 * document of `size` sections, each a heading, a paragraph with emphasis and a link, a list and a code block.
 * marked has no form that yields, so "concurrent async tasks on one thread" is n/a for this task.
 */
import type { TaskDefinition } from "@runtime-bench/task";
import { marked } from "marked";

const section = (index: number) =>
  [
    `## Section ${index}`,
    "",
    `Some *emphasis*, some **strong** text and [a link](https://example.com/${index}) in paragraph ${index}.`,
    "",
    "- one item",
    "- another item with `code`",
    "",
    "```js",
    `console.log(${index});`,
    "```",
    "",
  ].join("\n");

type Input = { markdown: string; sections: number };

const task: TaskDefinition<Input, string> = {
  name: "markdown-render",
  sizes: { "10 sections": 10, "100 sections": 100, "1000 sections": 1000 },
  input: (size) => ({ markdown: Array.from({ length: size }, (_, index) => section(index)).join("\n"), sections: size }),
  run: ({ markdown }) => marked.parse(markdown, { async: false }),
  check: (html, _size, { sections }) => {
    const headings = html.split("<h2").length - 1;
    return headings === sections || `${headings} headings rendered, expected ${sections}`;
  },
};

export default task;
