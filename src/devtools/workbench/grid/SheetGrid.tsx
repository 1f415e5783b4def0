/**
 * One sheet drawn as Excel draws it: column letters and row numbers, cells with their displayed
 * values and formats, column widths, frozen panes as sticky rows and columns, the selection, and
 * an in-place editor. An ARIA grid: the table is focusable and points at the active cell with
 * aria-activedescendant; every cell is a gridcell with aria-selected.
 */
import { makeStyles } from "@fluentui/react-components";
import {
  type CSSProperties,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  memo,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { cellRef, columnLetters } from "../../../core/workbook/address";
import type { BorderStyle } from "../../simulation/excel/state";
import { type CellPosition, type CellView, type SheetView, keyOf, spillWidth } from "./sheet-view";

export const ROW_HEADER_WIDTH = 44;
export const HEADER_HEIGHT = 22;
const ROW_HEIGHT = 20;
const GRIDLINE = "#D4D4D4";
const HEADER_BACKGROUND = "#F3F3F3";
const SELECTED_HEADER_BACKGROUND = "#D2E5D9";
const SELECTION = "#107C41";
const FONT = 'Calibri, Carlito, "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans Condensed", sans-serif';

/** Column letters and row numbers look alike: Excel's small gray headers. */
const HEADER_TEXT = {
  boxSizing: "border-box",
  backgroundColor: HEADER_BACKGROUND,
  color: "#333333",
  fontFamily: '"Segoe UI", Arial, sans-serif',
  fontSize: "12px",
  fontWeight: 400,
  textAlign: "center",
} as const;

const useStyles = makeStyles({
  table: {
    borderCollapse: "separate",
    borderSpacing: 0,
    tableLayout: "fixed",
    fontFamily: FONT,
    fontSize: "11pt",
    color: "#000000",
    backgroundColor: "#FFFFFF",
    outlineStyle: "none",
    cursor: "cell",
    ":focus-visible": { outline: `2px solid ${SELECTION}`, outlineOffset: "-2px" },
  },
  header: {
    position: "sticky",
    top: 0,
    zIndex: 4,
    height: `${HEADER_HEIGHT}px`,
    ...HEADER_TEXT,
    borderRight: `1px solid ${GRIDLINE}`,
    borderBottom: `1px solid #BDBDBD`,
    padding: 0,
    userSelect: "none",
    overflow: "hidden",
  },
  corner: { left: 0, zIndex: 6 },
  rowHeader: {
    position: "sticky",
    left: 0,
    zIndex: 4,
    ...HEADER_TEXT,
    borderRight: `1px solid #BDBDBD`,
    borderBottom: `1px solid ${GRIDLINE}`,
    padding: 0,
    userSelect: "none",
  },
  headerSelected: { backgroundColor: SELECTED_HEADER_BACKGROUND, color: "#0B5A2E", fontWeight: 600 },
  cell: {
    position: "relative",
    boxSizing: "border-box",
    height: `${ROW_HEIGHT}px`,
    padding: "0 3px",
    borderRight: `1px solid ${GRIDLINE}`,
    borderBottom: `1px solid ${GRIDLINE}`,
    backgroundColor: "#FFFFFF",
    verticalAlign: "bottom",
    whiteSpace: "nowrap",
    overflow: "hidden",
    lineHeight: "1.3",
    scrollMarginTop: `${HEADER_HEIGHT + ROW_HEIGHT}px`,
    scrollMarginLeft: `${ROW_HEADER_WIDTH + 8}px`,
  },
  spill: { overflow: "visible" },
  content: { display: "block", overflow: "hidden", textOverflow: "clip" },
  // Excel wraps between words and clips a word longer than the column.
  wrap: { whiteSpace: "pre-wrap", overflowWrap: "normal", wordBreak: "normal" },
  active: { outline: `2px solid ${SELECTION}`, outlineOffset: "-2px" },
  editor: {
    position: "absolute",
    left: 0,
    top: 0,
    zIndex: 7,
    boxSizing: "border-box",
    height: "100%",
    minWidth: "100%",
    margin: 0,
    padding: "0 2px",
    border: `2px solid ${SELECTION}`,
    fontFamily: FONT,
    fontSize: "11pt",
    color: "#000000",
    backgroundColor: "#FFFFFF",
    outlineStyle: "none",
  },
});

export interface RangeRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface InPlaceEditor {
  readonly text: string;
  /** Whether the editor is in the cell (else the cell previews the formula bar's text). */
  readonly inCell: boolean;
  readonly onChange: (text: string) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  readonly onBlur: (event: FocusEvent<HTMLInputElement>) => void;
}

export interface SheetGridProps {
  readonly view: SheetView;
  readonly active: CellPosition;
  readonly range: RangeRect;
  readonly editor?: InPlaceEditor;
  /** Prefix of the cells' ids (aria-activedescendant). */
  readonly idPrefix: string;
  /** Whether the active cell is drawn (it may be past the drawn area). */
  readonly activeDrawn?: boolean;
  readonly gridRef: RefObject<HTMLTableElement | null>;
  readonly onCellMouseDown: (cell: CellPosition, event: MouseEvent) => void;
  readonly onCellDoubleClick: (cell: CellPosition) => void;
  readonly onKeyDown: (event: KeyboardEvent<HTMLTableElement>) => void;
}

export const cellId = (prefix: string, row: number, column: number): string => `${prefix}-${cellRef(row, column)}`;

/** The cell under a mouse event, from the data attributes of its td. */
function cellOfEvent(event: MouseEvent): CellPosition | undefined {
  const td = (event.target as Element).closest?.("td[data-row]");
  if (!td) return undefined;
  return { row: Number(td.getAttribute("data-row")), column: Number(td.getAttribute("data-column")) };
}

export function SheetGrid(props: SheetGridProps) {
  const { view, active, range, editor, idPrefix } = props;
  const styles = useStyles();
  const frozenTops = useFrozenTops(view, props.gridRef);
  const frozenLefts = frozenLeftsOf(view);
  const totalWidth = ROW_HEADER_WIDTH + view.columnWidths.reduce((a, b) => a + b, 0);

  const rows = [];
  for (let row = 0; row < view.rows; row++) {
    const inRange = row >= range.top && row <= range.bottom;
    rows.push(
      <GridRow
        key={row}
        view={view}
        row={row}
        idPrefix={idPrefix}
        activeColumn={row === active.row ? active.column : -1}
        rangeLeft={inRange ? range.left : -1}
        rangeRight={inRange ? range.right : -1}
        editor={row === active.row ? editor : undefined}
        frozenTop={row < view.frozen.rows ? frozenTops[row] : undefined}
        frozenLefts={frozenLefts}
      />,
    );
  }

  return (
    <table
      ref={props.gridRef}
      role="grid"
      aria-label={`Sheet ${view.name}`}
      aria-rowcount={view.rows + 1}
      aria-colcount={view.columns + 1}
      aria-activedescendant={props.activeDrawn === false ? undefined : cellId(idPrefix, active.row, active.column)}
      aria-multiselectable="true"
      tabIndex={0}
      className={styles.table}
      style={{ width: `${totalWidth}px` }}
      onKeyDown={props.onKeyDown}
      onMouseDown={(event) => {
        if (event.button !== 0) return;
        const cell = cellOfEvent(event);
        if (cell) props.onCellMouseDown(cell, event);
      }}
      onDoubleClick={(event) => {
        const cell = cellOfEvent(event);
        if (cell) props.onCellDoubleClick(cell);
      }}
      data-sheet={view.name}
    >
      <colgroup>
        <col style={{ width: `${ROW_HEADER_WIDTH}px` }} />
        {view.columnWidths.map((width, column) => (
          <col key={column} style={{ width: `${width}px` }} />
        ))}
      </colgroup>
      <ColumnHeaders view={view} range={range} frozenLefts={frozenLefts} />
      <tbody>{rows}</tbody>
    </table>
  );
}

/** The sticky `left` of each frozen column: the row headers' width plus the widths of the frozen columns before it. */
function frozenLeftsOf(view: SheetView): number[] {
  const frozenLefts: number[] = [];
  for (let c = 0, left = ROW_HEADER_WIDTH; c < view.frozen.columns; c++) {
    frozenLefts.push(left);
    left += view.columnWidths[c] ?? 0;
  }
  return frozenLefts;
}

/** The corner and the column letters, those of the selected columns highlighted. */
function ColumnHeaders({
  view,
  range,
  frozenLefts,
}: {
  readonly view: SheetView;
  readonly range: RangeRect;
  readonly frozenLefts: readonly number[];
}) {
  const styles = useStyles();
  return (
    <thead>
      <tr role="row" aria-rowindex={1}>
        <th role="columnheader" scope="col" className={`${styles.header} ${styles.corner}`} aria-colindex={1}>
          <span style={VISUALLY_HIDDEN}>Row</span>
        </th>
        {view.columnWidths.map((_, column) => {
          const selected = column >= range.left && column <= range.right;
          const frozen = column < view.frozen.columns;
          return (
            <th
              key={column}
              role="columnheader"
              scope="col"
              aria-colindex={column + 2}
              className={`${styles.header} ${selected ? styles.headerSelected : ""}`}
              style={frozen ? { left: `${frozenLefts[column]}px`, zIndex: 5 } : undefined}
            >
              {columnLetters(column)}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

export const VISUALLY_HIDDEN: CSSProperties = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};

/**
 * The sticky `top` of each frozen row: the header's height plus the heights of the frozen rows
 * above it, measured once drawn (wrapped headers make rows taller than the default).
 */
function useFrozenTops(view: SheetView, tableRef: RefObject<HTMLTableElement | null>): number[] {
  const [tops, setTops] = useState<number[]>([]);
  const measured = useRef<number[]>([]);
  useLayoutEffect(() => {
    if (view.frozen.rows === 0) return;
    const table = tableRef.current;
    const bodyRows = table?.querySelectorAll("tbody > tr");
    if (!bodyRows) return;
    const next: number[] = [];
    let top = (table?.querySelector("thead > tr") as HTMLElement | null)?.offsetHeight ?? HEADER_HEIGHT;
    for (let row = 0; row < view.frozen.rows; row++) {
      next.push(top);
      top += (bodyRows[row] as HTMLElement | undefined)?.offsetHeight ?? ROW_HEIGHT;
    }
    if (next.join() !== measured.current.join()) {
      measured.current = next;
      setTops(next);
    }
  });
  if (tops.length === view.frozen.rows) return tops;
  return Array.from({ length: view.frozen.rows }, (_, row) => HEADER_HEIGHT + row * ROW_HEIGHT);
}

interface GridRowProps {
  readonly view: SheetView;
  readonly row: number;
  readonly idPrefix: string;
  /** The active cell's column on this row, or -1. */
  readonly activeColumn: number;
  /** The selected columns on this row, or -1. */
  readonly rangeLeft: number;
  readonly rangeRight: number;
  readonly editor: InPlaceEditor | undefined;
  readonly frozenTop: number | undefined;
  readonly frozenLefts: readonly number[];
}

const GridRow = memo(
  function GridRow({ view, row, idPrefix, activeColumn, rangeLeft, rangeRight, editor, frozenTop, frozenLefts }: GridRowProps) {
    const styles = useStyles();
    const selectedRow = rangeLeft >= 0;
    const cells = [];
    for (let column = 0; column < view.columns; column++) {
      const cell = view.cells.get(keyOf(row, column));
      const isActive = column === activeColumn;
      const selected = selectedRow && column >= rangeLeft && column <= rangeRight;
      const frozenLeft = frozenLefts[column];
      const sticky: CSSProperties = {};
      if (frozenTop !== undefined) {
        sticky.position = "sticky";
        sticky.top = `${frozenTop}px`;
        sticky.zIndex = frozenLeft !== undefined ? 3 : 2;
      }
      if (frozenLeft !== undefined) {
        sticky.position = "sticky";
        sticky.left = `${frozenLeft}px`;
        sticky.zIndex = frozenTop !== undefined ? 3 : 2;
      }
      const inCellEditor = isActive && editor?.inCell;
      const previewText = isActive && editor && !editor.inCell ? editor.text : undefined;
      const spills = !inCellEditor && previewText === undefined && cell?.spills === true;
      cells.push(
        <td
          key={column}
          id={cellId(idPrefix, row, column)}
          role="gridcell"
          aria-selected={selected}
          aria-colindex={column + 2}
          data-row={row}
          data-column={column}
          data-address={cellRef(row, column)}
          className={`${styles.cell} ${spills ? styles.spill : ""} ${isActive ? styles.active : ""}`}
          style={{ ...cellStyle(cell, selected && !isActive), ...sticky, ...(inCellEditor ? { overflow: "visible" } : {}) }}
        >
          {inCellEditor ? (
            <CellEditor editor={editor} address={cellRef(row, column)} />
          ) : previewText !== undefined ? (
            <span className={styles.content}>{previewText}</span>
          ) : cell && cell.text !== "" ? (
            <span
              className={`${styles.content} ${cell.format.wrapText ? styles.wrap : ""}`}
              style={spills ? { width: `${spillWidth(view, cell) - 7}px` } : undefined}
            >
              {cell.text}
            </span>
          ) : null}
        </td>,
      );
    }
    const rowSelected = selectedRow;
    const headerSticky: CSSProperties = frozenTop !== undefined ? { top: `${frozenTop}px`, zIndex: 5 } : {};
    return (
      <tr role="row" aria-rowindex={row + 2}>
        <th
          role="rowheader"
          scope="row"
          aria-colindex={1}
          className={`${styles.rowHeader} ${rowSelected ? styles.headerSelected : ""}`}
          style={headerSticky}
        >
          {row + 1}
        </th>
        {cells}
      </tr>
    );
  },
  (a, b) =>
    a.view === b.view &&
    a.row === b.row &&
    a.idPrefix === b.idPrefix &&
    a.activeColumn === b.activeColumn &&
    a.rangeLeft === b.rangeLeft &&
    a.rangeRight === b.rangeRight &&
    a.editor === b.editor &&
    a.frozenTop === b.frozenTop &&
    a.frozenLefts.join() === b.frozenLefts.join(),
);

function CellEditor({ editor, address }: { readonly editor: InPlaceEditor; readonly address: string }) {
  const styles = useStyles();
  const ref = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus({ preventScroll: true });
    input.setSelectionRange(input.value.length, input.value.length);
    // Only when the editor opens: later renders must not move the caret.
  }, []);
  return (
    <input
      ref={ref}
      className={styles.editor}
      aria-label={`Edit cell ${address}`}
      value={editor.text}
      spellCheck={false}
      style={{ width: `${Math.max(editor.text.length * 8 + 12, 40)}px` }}
      onChange={(event) => editor.onChange(event.target.value)}
      onKeyDown={editor.onKeyDown}
      onBlur={editor.onBlur}
      onMouseDown={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
    />
  );
}

function borderCss(style: BorderStyle | undefined): string | undefined {
  switch (style) {
    case undefined:
    case "None":
      return undefined;
    case "Double":
      return "3px double #000000";
    case "Dash":
    case "DashDot":
    case "DashDotDot":
    case "SlantDashDot":
      return "1px dashed #000000";
    case "Dot":
      return "1px dotted #000000";
    default:
      return "1px solid #000000";
  }
}

function cellStyle(cell: CellView | undefined, inRange: boolean): CSSProperties {
  const style: CSSProperties = {};
  if (inRange) style.backgroundImage = "linear-gradient(rgba(16, 124, 65, 0.14), rgba(16, 124, 65, 0.14))";
  if (!cell) return style;
  const { format } = cell;
  if (format.bold) style.fontWeight = 700;
  if (format.italic) style.fontStyle = "italic";
  if (format.fontSize !== undefined) style.fontSize = `${format.fontSize}pt`;
  const color = cell.color ?? format.fontColor;
  if (color) style.color = color;
  if (format.fill) style.backgroundColor = format.fill;
  style.textAlign = cell.align;
  if (format.wrapText) style.whiteSpace = "normal";
  const top = borderCss(format.borderTop);
  const bottom = borderCss(format.borderBottom);
  if (top) style.borderTop = top;
  if (bottom) style.borderBottom = bottom;
  return style;
}
