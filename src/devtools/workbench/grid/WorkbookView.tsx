/**
 * The simulated workbook on screen: name box and formula bar, the active sheet's grid, its charts
 * as captions, and the sheet tabs. It shows the workbook's own state (active sheet, selection) and
 * sends the user's gestures to it, so the add-in sees what the user does and the user sees what
 * the add-in does (a Range.select() from the task pane moves the selection here, and scrolls to it).
 */
import { Tab, TabList, makeStyles } from "@fluentui/react-components";
import { type FocusEvent, type KeyboardEvent, type MouseEvent, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { MAX_COLUMNS, MAX_ROWS, cellRef, parseRangeAddress, quoteSheet } from "../../../core/workbook/address";
import { type CellPosition, DRAW_LIMITS, type DrawLimits, chartCaption, dataEdge, extendView, extentFor, isDrawn, keyOf, parseCell, parseSelection, sheetView } from "./sheet-view";
import { type InPlaceEditor, type RangeRect, SheetGrid, cellId } from "./SheetGrid";
import type { GridWorkbook } from "./workbook";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", height: "100%", minHeight: 0, minWidth: 0, backgroundColor: "#FFFFFF", color: "#000000" },
  bar: {
    display: "flex",
    alignItems: "stretch",
    gap: "6px",
    padding: "4px 6px",
    borderBottom: "1px solid #D4D4D4",
    backgroundColor: "#FAFAFA",
    fontFamily: '"Segoe UI", Arial, sans-serif',
    fontSize: "13px",
  },
  nameBox: { width: "96px", flexShrink: 0 },
  fx: { display: "flex", alignItems: "center", padding: "0 6px", color: "#444444", fontStyle: "italic", fontFamily: "Georgia, serif", userSelect: "none" },
  input: {
    boxSizing: "border-box",
    height: "26px",
    padding: "0 6px",
    border: "1px solid #C8C8C8",
    borderRadius: "2px",
    fontFamily: 'Calibri, Carlito, "Segoe UI", Arial, sans-serif',
    fontSize: "14px",
    color: "#000000",
    backgroundColor: "#FFFFFF",
    ":focus": { outline: "2px solid #107C41", outlineOffset: "-1px" },
  },
  formula: { flexGrow: 1, minWidth: 0 },
  scroller: { flexGrow: 1, minHeight: 0, overflow: "auto", position: "relative", backgroundColor: "#FFFFFF" },
  message: { padding: "2px 8px", color: "#A4262C", fontFamily: '"Segoe UI", Arial, sans-serif', fontSize: "12px" },
  note: { padding: "2px 8px", color: "#444444", fontFamily: '"Segoe UI", Arial, sans-serif', fontSize: "12px" },
  charts: {
    margin: 0,
    padding: "4px 10px",
    listStyleType: "none",
    borderTop: "1px solid #D4D4D4",
    fontFamily: '"Segoe UI", Arial, sans-serif',
    fontSize: "12px",
    color: "#333333",
    maxHeight: "5.5em",
    overflowY: "auto",
  },
  tabs: { borderTop: "1px solid #D4D4D4", backgroundColor: "#FAFAFA", overflowX: "auto", flexShrink: 0 },
});

/** What the workbook's state is now, as one comparable value (changes whenever anything shown does). */
function useWorkbookVersion(workbook: GridWorkbook): string {
  const subscribe = useCallback((listener: () => void) => workbook.subscribe(listener), [workbook]);
  const snapshot = useCallback(() => {
    const doc = workbook.document;
    return `${doc.revision()}\u0000${doc.activeSheet() ?? ""}\u0000${doc.selection() ?? ""}`;
  }, [workbook]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

interface Editing {
  readonly sheet: string;
  readonly address: string;
  readonly text: string;
  /** Where the user types: in the cell, or in the formula bar. */
  readonly inCell: boolean;
}

type Move = "down" | "up" | "right" | "left" | "none";

const MOVES: Record<Move, [number, number]> = { down: [1, 0], up: [-1, 0], right: [0, 1], left: [0, -1], none: [0, 0] };

/** Runs a workbook gesture that may or may not return a promise; reports a failure. */
function attempt(action: () => unknown, fail: (message: string) => void): Promise<boolean> {
  try {
    return Promise.resolve(action()).then(
      () => true,
      (error: unknown) => {
        fail(messageOf(error));
        return false;
      },
    );
  } catch (error) {
    fail(messageOf(error));
    return Promise.resolve(false);
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface WorkbookViewProps {
  readonly workbook: GridWorkbook;
  /** How much of a sheet the grid draws at most (default DRAW_LIMITS). */
  readonly limits?: DrawLimits;
}

export function WorkbookView({ workbook, limits = DRAW_LIMITS }: WorkbookViewProps) {
  const styles = useStyles();
  const idPrefix = `cvm-grid${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const version = useWorkbookVersion(workbook);
  const doc = workbook.document;
  const revision = version.split("\u0000")[0];

  const visibleSheets = useMemo(
    () => doc.sheetNames().filter((name) => doc.sheet(name).visibility === "Visible"),
    // The sheets change only with the revision.
    [doc, revision],
  );
  const activeSheet = doc.activeSheet();
  const shown = activeSheet !== undefined && visibleSheets.includes(activeSheet) ? activeSheet : visibleSheets[0];

  const selection = parseSelection(doc.selection());
  const onShown = selection && shown !== undefined && selection.sheet.toUpperCase() === shown.toUpperCase() ? selection : undefined;
  const range: RangeRect = onShown ?? { top: 0, left: 0, bottom: 0, right: 0 };
  const active: CellPosition = { row: range.top, column: range.left };

  const baseView = useMemo(() => (shown === undefined ? undefined : sheetView(doc, shown, limits)), [doc, shown, revision, limits]);
  const extent = baseView ? extentFor(baseView, active) : "";
  // Drawn past the used range when the selection is: recomputed only when that extent changes.
  const view = useMemo(() => baseView && extendView(baseView, active), [baseView, extent]);

  const [editing, setEditing] = useState<Editing | undefined>();
  const editingRef = useRef<Editing | undefined>(undefined);
  const [message, setMessage] = useState("");
  const gridRef = useRef<HTMLTableElement>(null);
  const formulaRef = useRef<HTMLInputElement>(null);
  const [nameBox, setNameBox] = useState<string | undefined>();

  const updateEditing = useCallback((next: Editing | undefined) => {
    editingRef.current = next;
    setEditing(next);
  }, []);

  // An edit belongs to its cell: when the add-in moves the selection or the sheet, it ends.
  const activeAddress = shown === undefined ? "" : `${shown}!${cellRef(active.row, active.column)}`;
  useEffect(() => {
    const current = editingRef.current;
    if (current && `${current.sheet}!${current.address}` !== activeAddress) updateEditing(undefined);
  }, [activeAddress, updateEditing]);

  const select = useCallback(
    (sheet: string, row: number, column: number) => {
      // Moves stop at the sheet's edges, as in Excel.
      const address = cellRef(Math.min(Math.max(row, 0), MAX_ROWS - 1), Math.min(Math.max(column, 0), MAX_COLUMNS - 1));
      void attempt(() => workbook.select(sheet, address), setMessage);
    },
    [workbook],
  );

  const focusGrid = () => gridRef.current?.focus({ preventScroll: true });

  const commit = useCallback(
    (move: Move) => {
      const current = editingRef.current;
      if (!current) return;
      updateEditing(undefined);
      setMessage("");
      const position = parseCell(current.address);
      void attempt(() => workbook.edit(current.sheet, current.address, current.text), setMessage).then((ok) => {
        if (ok && position && move !== "none") {
          const [dr, dc] = MOVES[move];
          select(current.sheet, position.row + dr, position.column + dc);
        }
      });
    },
    [workbook, select, updateEditing],
  );

  const cancel = useCallback(() => updateEditing(undefined), [updateEditing]);

  const activeCell = view?.cells.get(keyOf(active.row, active.column));
  const drawn = view !== undefined && isDrawn(view, active);
  const startEditing = useCallback(
    (text: string, inCell: boolean) => {
      if (shown === undefined) return;
      setMessage("");
      // A cell past the drawn area is edited in the formula bar.
      updateEditing({ sheet: shown, address: cellRef(active.row, active.column), text, inCell: inCell && drawn });
      if (inCell && !drawn) {
        const input = formulaRef.current;
        input?.focus();
        requestAnimationFrame(() => input?.setSelectionRange(input.value.length, input.value.length));
      }
    },
    [shown, active.row, active.column, drawn, updateEditing],
  );

  const onEditorKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>) => {
      event.stopPropagation();
      if (event.key === "Enter") {
        event.preventDefault();
        commit(event.shiftKey ? "up" : "down");
        focusGrid();
      } else if (event.key === "Tab") {
        event.preventDefault();
        commit(event.shiftKey ? "left" : "right");
        focusGrid();
      } else if (event.key === "Escape") {
        event.preventDefault();
        cancel();
        focusGrid();
      }
    },
    [commit, cancel],
  );

  const onEditorBlur = useCallback(
    (event: FocusEvent<HTMLInputElement>) => {
      const to = event.relatedTarget;
      // Moving between the cell and the formula bar keeps the edit going.
      if (to === formulaRef.current || (to instanceof HTMLElement && to.dataset.cvmEditor === "cell")) return;
      commit("none");
    },
    [commit],
  );

  const editor: InPlaceEditor | undefined = useMemo(
    () =>
      editing && shown !== undefined && editing.sheet === shown
        ? {
            text: editing.text,
            inCell: editing.inCell,
            onChange: (text: string) => updateEditing({ ...editing, text }),
            onKeyDown: onEditorKeyDown,
            onBlur: onEditorBlur,
          }
        : undefined,
    [editing, shown, onEditorKeyDown, onEditorBlur, updateEditing],
  );

  const onGridKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (shown === undefined || editingRef.current) return;
    const { key } = event;
    const step = (dr: number, dc: number) => {
      event.preventDefault();
      select(shown, active.row + dr, active.column + dc);
    };
    const arrows: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
    const arrow = arrows[key];
    if (arrow && (event.ctrlKey || event.metaKey) && view) {
      const edge = dataEdge(view, active, arrow[0], arrow[1]);
      step(edge.row - active.row, edge.column - active.column);
    } else if (arrow) step(arrow[0], arrow[1]);
    else if (key === "Enter") step(event.shiftKey ? -1 : 1, 0);
    else if (key === "PageDown") step(20, 0);
    else if (key === "PageUp") step(-20, 0);
    else if (key === "Home") step(event.ctrlKey ? -active.row : 0, -active.column);
    else if (key === "F2") {
      event.preventDefault();
      startEditing(activeCell?.input ?? "", true);
    } else if (key === "Delete") {
      event.preventDefault();
      void attempt(() => workbook.edit(shown, cellRef(active.row, active.column), ""), setMessage);
    } else if (key === "Backspace") {
      event.preventDefault();
      startEditing("", true);
    } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Typing replaces the cell's content, as in Excel.
      event.preventDefault();
      startEditing(key, true);
    }
  };

  const onCellMouseDown = useCallback(
    (cell: CellPosition, _event: MouseEvent) => {
      if (shown === undefined) return;
      if (editingRef.current) commit("none");
      select(shown, cell.row, cell.column);
    },
    [shown, select, commit],
  );

  const onCellDoubleClick = useCallback(
    (cell: CellPosition) => {
      if (shown === undefined) return;
      const input = view?.cells.get(keyOf(cell.row, cell.column))?.input ?? "";
      updateEditing({ sheet: shown, address: cellRef(cell.row, cell.column), text: input, inCell: true });
    },
    [shown, view, updateEditing],
  );

  // The selection, wherever it came from, is scrolled into view.
  useLayoutEffect(() => {
    const element = document.getElementById(cellId(idPrefix, active.row, active.column));
    if (element && typeof element.scrollIntoView === "function") element.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [idPrefix, shown, active.row, active.column]);

  const onTabSelect = (name: string) => {
    if (name === shown) return;
    if (editingRef.current) commit("none");
    void attempt(() => workbook.activate(name), setMessage);
  };

  const goTo = (text: string) => {
    const target = text.trim();
    const qualified = parseRangeAddress(target);
    const cell = parseCell(target.split(":")[0] ?? "");
    if (qualified) {
      void attempt(() => workbook.select(qualified.sheet, cellRef(qualified.top, qualified.left) + (qualified.bottom !== qualified.top || qualified.right !== qualified.left ? `:${cellRef(qualified.bottom, qualified.right)}` : "")), setMessage);
    } else if (cell && shown !== undefined) {
      void attempt(() => workbook.select(shown, target.toUpperCase()), setMessage);
    } else {
      setMessage(`${JSON.stringify(target)} is not a cell address (try B2 or ${quoteSheet(shown ?? "Sheet1")}!B2)`);
      return;
    }
    setMessage("");
    focusGrid();
  };

  if (shown === undefined || !view) return <div className={styles.root}>This workbook has no visible sheet.</div>;

  const address = cellRef(active.row, active.column);
  const rangeText = range.bottom !== range.top || range.right !== range.left ? `${address}:${cellRef(range.bottom, range.right)}` : address;
  const formulaText = editing ? editing.text : (activeCell?.input ?? "");

  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        <input
          className={`${styles.input} ${styles.nameBox}`}
          aria-label="Name box"
          value={nameBox ?? rangeText}
          spellCheck={false}
          onFocus={(event) => event.currentTarget.select()}
          onChange={(event) => setNameBox(event.target.value)}
          onBlur={() => setNameBox(undefined)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              const text = nameBox ?? rangeText;
              setNameBox(undefined);
              goTo(text);
            } else if (event.key === "Escape") {
              setNameBox(undefined);
              focusGrid();
            }
          }}
        />
        <span className={styles.fx} aria-hidden="true">
          fx
        </span>
        <input
          ref={formulaRef}
          className={`${styles.input} ${styles.formula}`}
          aria-label={`Formula bar, cell ${address}`}
          value={formulaText}
          spellCheck={false}
          onChange={(event) => {
            const text = event.target.value;
            const current = editingRef.current;
            if (current) updateEditing({ ...current, text, inCell: false });
            else startEditing(text, false);
          }}
          onFocus={() => {
            const current = editingRef.current;
            if (current?.inCell) updateEditing({ ...current, inCell: false });
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              commit(editingRef.current ? "down" : "none");
              focusGrid();
            } else if (event.key === "Escape") {
              event.preventDefault();
              cancel();
              focusGrid();
            }
          }}
          onBlur={() => {
            // Leaving the formula bar (a click into the grid) ends the edit there: committed.
            if (editingRef.current && !editingRef.current.inCell) commit("none");
          }}
        />
      </div>
      {message !== "" && (
        <div className={styles.message} role="status">
          {message}
        </div>
      )}
      {!drawn && (
        <div className={styles.note}>
          {address} is past the area drawn here ({view.rows.toLocaleString("en-US")} rows, {view.columns} columns): the name box and formula bar show it.
        </div>
      )}
      <div className={styles.scroller}>
        <SheetGrid
          view={view}
          active={active}
          range={range}
          editor={editor}
          idPrefix={idPrefix}
          activeDrawn={drawn}
          gridRef={gridRef}
          onCellMouseDown={onCellMouseDown}
          onCellDoubleClick={onCellDoubleClick}
          onKeyDown={onGridKeyDown}
        />
      </div>
      {view.charts.length > 0 && (
        <ul className={styles.charts} aria-label={`Charts on ${shown}`}>
          {view.charts.map((chart) => (
            <li key={chart.name}>{chartCaption(chart)}</li>
          ))}
        </ul>
      )}
      <TabList className={styles.tabs} size="small" aria-label="Sheets" selectedValue={shown} onTabSelect={(_, data) => onTabSelect(String(data.value))}>
        {visibleSheets.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}
