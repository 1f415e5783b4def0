/**
 * Splits a sentence into lines of at most `width` characters at spaces, for notes written one
 * line per row. A cell's text that runs past its column spills over the cells beside it only on
 * screen: a printer cuts it at the print area, and a chart beside it covers it. Rows of short
 * lines read the same everywhere, without relying on row heights Excel does not recompute.
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    if (line === "") line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** `A`, `A and B`, `A, B and C`: names in a sentence. */
export function namesInWords(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
