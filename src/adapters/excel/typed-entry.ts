import type { CellContent } from "../../core/plan/types";

/**
 * What to put in a `Range.formulas` array so that Excel stores exactly the planned content.
 *
 * Excel reads every string written through the API as if the user had typed it: `=x` becomes a
 * formula, `15%` a number, `TRUE` a boolean, `1/2` a date. Workbook text is data and must stay
 * text (a source that begins with `=` must never run), so text is written with a leading
 * apostrophe, Excel's own quote prefix, which Excel does not store as part of the text.
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
 * Every non-empty text gets the prefix. Which text Excel converts on entry depends on the
 * locale (a German Excel reads `WAHR` as TRUE and `1,5` as a number), so no rule short of
 * "always" is safe; the prefix costs only an apostrophe in the formula bar.
 */
export function needsQuotePrefix(text: string): boolean {
  return text !== "";
}
