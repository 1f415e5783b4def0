import type { HeaderFooter, PagePlan } from "./types";

/**
 * Page setup for a sheet the add-in writes: every column of the print area on one page wide, in
 * the orientation that prints it larger, and page breaks placed between sections, so that no
 * short table or chart is cut in two. The page's size is estimated from the column widths and
 * row heights the plan sets, for the smaller of Letter and A4 with Excel's default margins: the
 * same plan must print well wherever the customer's printer is.
 */

/** Printable area in points, the smaller of Letter and A4, with Excel's default margins (0.7" sides, 0.75" top and bottom). */
const PRINTABLE = {
  portrait: { width: (8.27 - 1.4) * 72, height: (11 - 1.5) * 72 },
  landscape: { width: (11 - 1.4) * 72, height: (8.27 - 1.5) * 72 },
} as const;
/** Excel's default row height for its default font (Calibri 11), in points. */
export const DEFAULT_ROW_POINTS = 15;
/** Below this scale in portrait, landscape prints the sheet larger and is chosen. */
const PORTRAIT_MIN_SCALE = 0.85;
/** Room for rounding in the estimate: a page holds a little less than computed. */
const SAFETY = 0.97;

/** A column width in characters, as Excel prints it, in points (Calibri 11: 7 px a character plus 5 px padding; 0.75 pt a pixel). */
export function columnPoints(width: number): number {
  return (Math.trunc(width * 7 + 0.5) + 5) * 0.75;
}

export interface PageInput {
  readonly columnWidths: readonly { readonly column: number; readonly width: number }[];
  /** Width in characters of columns the plan gives no width (Excel's default is 8.43). */
  readonly defaultWidth?: number;
  readonly lastRow: number;
  readonly lastColumn: number;
  /** Rows that are taller than the default, in points (a title in a larger font). */
  readonly rowPoints?: ReadonlyMap<number, number>;
  /** Runs of rows to keep on one page where they fit on one: a section with its heading, a table, a chart. */
  readonly blocks: readonly { readonly first: number; readonly last: number }[];
  /** A table header to repeat on each page, used only when that table itself runs onto a next page. */
  readonly repeatable?: { readonly first: number; readonly last: number; readonly tableLast: number };
  readonly header: HeaderFooter;
  readonly footer: HeaderFooter;
}

export function planPage(input: PageInput): PagePlan {
  const widths = new Map(input.columnWidths.map((c) => [c.column, c.width]));
  let points = 0;
  for (let c = 0; c <= input.lastColumn; c++) points += columnPoints(widths.get(c) ?? input.defaultWidth ?? 8.43);
  const portraitScale = Math.min(1, PRINTABLE.portrait.width / points);
  const orientation = portraitScale >= PORTRAIT_MIN_SCALE ? "portrait" : "landscape";
  const scale = Math.min(1, PRINTABLE[orientation].width / points);
  const pageHeight = (PRINTABLE[orientation].height * SAFETY) / scale;
  const height = (row: number) => input.rowPoints?.get(row) ?? DEFAULT_ROW_POINTS;

  const breaksBefore: number[] = [];
  let pageTop = 0;
  let used = 0;
  const blocks = [...input.blocks].sort((a, b) => a.first - b.first);
  let row = 0;
  for (const block of blocks) {
    // Rows between blocks (spacing) fill the page as they come.
    for (; row < block.first; row++) {
      used += height(row);
      if (used > pageHeight) {
        pageTop = row;
        used = height(row);
      }
    }
    let blockHeight = 0;
    for (let r = block.first; r <= block.last; r++) blockHeight += height(r);
    if (used + blockHeight > pageHeight && blockHeight <= pageHeight && block.first > pageTop) {
      breaksBefore.push(block.first);
      pageTop = block.first;
      used = 0;
    }
    for (; row <= block.last; row++) {
      used += height(row);
      if (used > pageHeight) {
        // A block longer than a page breaks where the page is full, as Excel would.
        pageTop = row;
        used = height(row);
      }
    }
  }

  const repeat = input.repeatable;
  let tableHeight = 0;
  if (repeat) for (let r = repeat.first; r <= repeat.tableLast; r++) tableHeight += height(r);
  return {
    orientation,
    fitToPagesWide: 1,
    printArea: { firstRow: 0, firstColumn: 0, lastRow: input.lastRow, lastColumn: input.lastColumn },
    ...(repeat && tableHeight > pageHeight ? { titleRows: { first: repeat.first, last: repeat.last } } : {}),
    breaksBefore,
    header: input.header,
    footer: input.footer,
  };
}

/** Workbook text inside a header or footer: `&` starts Excel's codes, so a literal one is doubled. */
export function headerText(text: string, max = 80): string {
  const short = text.length > max ? `${text.slice(0, max - 1)}…` : text;
  return short.replace(/&/g, "&&");
}

/** Excel's code for "Page 3 of 7" in a header or footer. */
export const PAGE_X_OF_Y = "Page &P of &N";
