import type { PlannedCell, SheetPlan } from "../../core/plan/types";
import { typedEntry } from "./typed-entry";
import { largest } from "../../core/plan/largest";

/**
 * A rectangle of cells written with one `Range.formulas` (and one `Range.numberFormat`)
 * assignment. `null` leaves a cell as it is, which is how Excel documents holes in a 2-D write.
 */
export interface CellBlock {
  /** 0-based top-left cell and size. */
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
  readonly formulas: (string | number | null)[][];
  /** Present when some cell of the block has a number format. */
  readonly numberFormats?: (string | null)[][];
}

/**
 * The blocks that write a sheet plan: one over the columns the build owns (cleared beforehand,
 * so its holes are blank anyway), and one per run of consecutive rows outside them (the history),
 * whose holes must stay `null` so that no earlier row is ever rewritten. Blocks larger than
 * `maxCells` are split by rows, so that no request exceeds what Excel on the web accepts.
 */
export function planBlocks(plan: SheetPlan, maxCells: number): CellBlock[] {
  const owned = plan.cells.filter((c) => c.column >= plan.replaceColumns.first && c.column <= plan.replaceColumns.last);
  const kept = plan.cells.filter((c) => c.column < plan.replaceColumns.first || c.column > plan.replaceColumns.last);
  const groups = owned.length > 0 ? [owned] : [];
  groups.push(...rowRuns(kept));
  return groups.flatMap((cells) => {
    const block = blockOf(cells, plan);
    return splitRows(block, Math.max(1, Math.floor(maxCells / block.columns)));
  });
}

/** Splits a block whose payload exceeds `maxBytes` into parts of about equal size under it. */
export function splitToBytes(block: CellBlock, maxBytes: number): CellBlock[] {
  const bytes = blockBytes(block);
  if (bytes <= maxBytes) return [block];
  return splitRows(block, Math.max(1, Math.floor((block.rows * maxBytes) / bytes)));
}

const utf8 = new TextEncoder();

/**
 * What a block adds to a request: the JSON of its arrays, which dominates Excel's request size,
 * in UTF-8 bytes (a model in Japanese weighs up to three times its characters).
 */
export function blockBytes(block: CellBlock): number {
  const bytes = (grid: unknown) => utf8.encode(JSON.stringify(grid)).length;
  return bytes(block.formulas) + (block.numberFormats ? bytes(block.numberFormats) : 0);
}

/** Groups cells into runs of consecutive rows, so that a block never spans untouched rows. */
function rowRuns(cells: readonly PlannedCell[]): PlannedCell[][] {
  const byRow = new Map<number, PlannedCell[]>();
  for (const cell of cells) byRow.set(cell.row, [...(byRow.get(cell.row) ?? []), cell]);
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const runs: PlannedCell[][] = [];
  let previous = Number.NaN;
  for (const row of rows) {
    if (row !== previous + 1 || runs.length === 0) runs.push([]);
    runs[runs.length - 1]!.push(...byRow.get(row)!);
    previous = row;
  }
  return runs;
}

function blockOf(cells: readonly PlannedCell[], plan: SheetPlan): CellBlock {
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const c of cells) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.column);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.column);
  }
  const rows = bottom - top + 1;
  const columns = right - left + 1;
  const formulas = Array.from({ length: rows }, () => Array<string | number | null>(columns).fill(null));
  let numberFormats: (string | null)[][] | undefined;
  for (const c of cells) {
    formulas[c.row - top]![c.column - left] = typedEntry(c.content);
    const format = c.style === undefined ? undefined : plan.styles[c.style]?.numberFormat;
    if (format !== undefined) {
      numberFormats ??= Array.from({ length: rows }, () => Array<string | null>(columns).fill(null));
      numberFormats[c.row - top]![c.column - left] = format;
    }
  }
  return numberFormats ? { top, left, rows, columns, formulas, numberFormats } : { top, left, rows, columns, formulas };
}

function splitRows(block: CellBlock, rowsPerPart: number): CellBlock[] {
  if (block.rows <= rowsPerPart) return [block];
  const parts: CellBlock[] = [];
  for (let first = 0; first < block.rows; first += rowsPerPart) {
    const rows = Math.min(rowsPerPart, block.rows - first);
    const slice = <T>(grid: T[][]) => grid.slice(first, first + rows);
    parts.push({
      top: block.top + first,
      left: block.left,
      rows,
      columns: block.columns,
      formulas: slice(block.formulas),
      ...(block.numberFormats ? { numberFormats: slice(block.numberFormats) } : {}),
    });
  }
  return parts;
}

/**
 * A sheet plan's owned columns over `rows` rows as one block, blanks written as `""`: rewrites a
 * sheet in place, without clearing it first, so that it is never empty in between.
 */
export function planFullBlock(plan: SheetPlan, rows: number): CellBlock {
  const { first, last } = plan.replaceColumns;
  const height = largest(plan.cells, (c) => c.row + 1, rows);
  const formulas = Array.from({ length: height }, () => Array<string | number | null>(last - first + 1).fill(""));
  for (const c of plan.cells) if (c.column >= first && c.column <= last) formulas[c.row]![c.column - first] = typedEntry(c.content);
  return { top: 0, left: first, rows: height, columns: last - first + 1, formulas };
}
