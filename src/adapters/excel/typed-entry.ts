import type { CellContent } from "../../core/plan/types";

/**
 * What to put in a `Range.formulas` array so that Excel stores exactly the planned content.
 *
 * Excel reads every string written through the API as if the user had typed it: `=x` becomes a
 * formula, `15%` a number, `TRUE` a boolean, `1/2` a date. Workbook text is data and must stay
 * text (a source that begins with `=` must never run), so text that Excel could read as anything
 * else is written with a leading apostrophe, Excel's own quote prefix, which it does not store.
 */
export function typedEntry(content: CellContent): string | number {
  switch (content.kind) {
    case "number":
      return content.value;
    case "formula":
      return content.formula;
    case "text":
      return needsQuotePrefix(content.value) ? `'${content.value}` : content.value;
  }
}

/**
 * Text that could not be read as a formula, number, date, time, boolean or error: it starts with a
 * letter and holds no digit. Everything else is quoted; a needless quote prefix only shows as an
 * apostrophe in the formula bar, a missing one changes the cell.
 */
export function needsQuotePrefix(text: string): boolean {
  if (text === "") return false;
  if (!/^\p{L}/u.test(text) || /\p{N}/u.test(text)) return true;
  return /^(true|false)$/i.test(text.trim());
}
