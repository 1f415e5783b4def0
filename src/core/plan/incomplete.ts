import type { PlannedCell, SheetPlan } from "./types";

/**
 * What an output sheet says in its first cell while a build is rewriting it. Excel keeps what a
 * request did up to a failure, so a build that stops halfway would otherwise leave a sheet that
 * looks finished and is not; with the mark, it says so until a build completes.
 */
export const INCOMPLETE_MARK =
  "INCOMPLETE: the last build stopped before it finished. Build again (add-in, Build tab) to complete this sheet.";

/** A sheet plan as written under the mark, and the cell that replaces the mark once all is written. */
export interface MarkedSheet {
  /** The plan with its first owned cell of row 1 holding the mark instead of its content. */
  readonly sheet: SheetPlan;
  /** Where the mark stands, and what goes there last: the sheet's title, or a blank. */
  readonly mark: { readonly row: number; readonly column: number };
  readonly finalCell: PlannedCell;
}

export function markIncomplete(plan: SheetPlan): MarkedSheet {
  const mark = { row: 0, column: plan.replaceColumns.first };
  const isMark = (c: PlannedCell) => c.row === mark.row && c.column === mark.column;
  const planned = plan.cells.find(isMark);
  const markCell: PlannedCell = {
    ...mark,
    content: { kind: "text", value: INCOMPLETE_MARK },
    ...(planned?.style === undefined ? {} : { style: planned.style }),
  };
  return {
    sheet: { ...plan, cells: [markCell, ...plan.cells.filter((c) => !isMark(c))] },
    mark,
    finalCell: planned ?? { ...mark, content: { kind: "text", value: "" } },
  };
}
