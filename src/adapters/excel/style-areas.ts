import type { CellStyle, SheetPlan } from "../../core/plan/types";

/** A rectangle of cells sharing one style: formatted with one request instead of one per cell. */
export interface StyleArea {
  readonly style: CellStyle;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * Merges the cells of each style into rectangles: runs of adjacent columns on a row, then equal
 * runs on consecutive rows. A plan's rows repeat (one per element, one per variable), so the
 * number of areas stays about constant as a model grows. Styles with borders are not merged
 * across rows: Excel draws a range's top and bottom borders on its outer edges only.
 */
export function styleAreas(plan: SheetPlan): StyleArea[] {
  const byStyle = new Map<string, Map<number, number[]>>();
  for (const cell of plan.cells) {
    if (cell.style === undefined || !hasFormatting(plan.styles[cell.style])) continue;
    const rows = byStyle.get(cell.style) ?? new Map<number, number[]>();
    byStyle.set(cell.style, rows);
    rows.set(cell.row, [...(rows.get(cell.row) ?? []), cell.column]);
  }
  // Areas are grown in place while rows are scanned, hence mutable until returned.
  const areas: { style: CellStyle; top: number; bottom: number; left: number; right: number }[] = [];
  for (const [key, rows] of byStyle) {
    const style = plan.styles[key]!;
    const mergeRows = !style.borderTop && !style.borderBottom;
    let open: { style: CellStyle; top: number; bottom: number; left: number; right: number }[] = [];
    for (const row of [...rows.keys()].sort((a, b) => a - b)) {
      const runs = columnRuns(rows.get(row)!);
      const next: typeof open = [];
      for (const run of runs) {
        const continued = mergeRows ? open.find((a) => a.bottom === row - 1 && a.left === run.left && a.right === run.right) : undefined;
        if (continued) {
          continued.bottom = row;
          next.push(continued);
        } else {
          const area = { style, top: row, bottom: row, ...run };
          areas.push(area);
          next.push(area);
        }
      }
      open = next;
    }
  }
  return areas.map((a) => ({ ...a }));
}

function columnRuns(columns: readonly number[]): { left: number; right: number }[] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: { left: number; right: number }[] = [];
  for (const column of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.right === column - 1) last.right = column;
    else runs.push({ left: column, right: column });
  }
  return runs;
}

/** Number formats travel with the cell blocks; only the rest needs a format request. */
function hasFormatting(style: CellStyle | undefined): boolean {
  if (!style) return false;
  return Boolean(
    style.bold ||
    style.italic ||
    style.fontSize ||
    style.fontColor ||
    style.fill ||
    style.horizontalAlignment ||
    style.indent ||
    style.wrap ||
    style.alignTop ||
    style.borderTop ||
    style.borderBottom,
  );
}
