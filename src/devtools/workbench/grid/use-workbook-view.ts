/**
 * What the workbook view does, apart from drawing: which sheet and cell it shows, the edit under
 * way in a cell or the formula bar, and the user's gestures sent to the workbook (a failure is
 * shown as a message, and the workbook stays as it was).
 */
import {
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import { MAX_COLUMNS, MAX_ROWS, cellRef, parseRangeAddress, quoteSheet } from "../../../core/workbook/address";
import {
  type CellPosition,
  type DrawLimits,
  dataEdge,
  extendView,
  extentFor,
  isDrawn,
  keyOf,
  parseCell,
  parseSelection,
  sheetView,
} from "./sheet-view";
import { type InPlaceEditor, type RangeRect, cellId } from "./SheetGrid";
import type { GridWorkbook } from "./workbook";

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

/** The sheet on screen (the active one if visible), the selection on it, and the part of it drawn. */
export function useShownSheet(workbook: GridWorkbook, limits: DrawLimits) {
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
  const activeCell = view?.cells.get(keyOf(active.row, active.column));
  const drawn = view !== undefined && isDrawn(view, active);
  return { visibleSheets, shown, range, active, view, activeCell, drawn };
}

type ShownSheet = ReturnType<typeof useShownSheet>;

/** The edit under way, kept in a ref too so that event handlers see the latest without re-rendering. */
function useEditingState(shown: string | undefined, active: CellPosition) {
  const [editing, setEditing] = useState<Editing | undefined>();
  const editingRef = useRef<Editing | undefined>(undefined);
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
  return { editing, editingRef, updateEditing };
}

/**
 * Editing a cell, in place or in the formula bar: starting, typing, committing (Enter and Tab move
 * on, as in Excel) and cancelling, and moving the selection.
 */
export function useCellEditing(workbook: GridWorkbook, { shown, active, drawn }: ShownSheet, setMessage: (message: string) => void) {
  const { editing, editingRef, updateEditing } = useEditingState(shown, active);
  const gridRef = useRef<HTMLTableElement>(null);
  const formulaRef = useRef<HTMLInputElement>(null);
  const focusGrid = () => gridRef.current?.focus({ preventScroll: true });

  const select = useCallback(
    (sheet: string, row: number, column: number) => {
      // Moves stop at the sheet's edges, as in Excel.
      const address = cellRef(Math.min(Math.max(row, 0), MAX_ROWS - 1), Math.min(Math.max(column, 0), MAX_COLUMNS - 1));
      void attempt(() => workbook.select(sheet, address), setMessage);
    },
    [workbook],
  );

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

  const editor = useInPlaceEditor(editing, shown, { commit, cancel, updateEditing, focusGrid, formulaRef });
  return { editing, editingRef, updateEditing, gridRef, formulaRef, focusGrid, select, commit, cancel, startEditing, editor };
}

interface EditorActions {
  readonly commit: (move: Move) => void;
  readonly cancel: () => void;
  readonly updateEditing: (next: Editing | undefined) => void;
  readonly focusGrid: () => void;
  readonly formulaRef: RefObject<HTMLInputElement | null>;
}

/** The editor drawn in the cell while an edit on the shown sheet is under way. */
function useInPlaceEditor(
  editing: Editing | undefined,
  shown: string | undefined,
  { commit, cancel, updateEditing, focusGrid, formulaRef }: EditorActions,
): InPlaceEditor | undefined {
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

  return useMemo(
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
}

type CellEditing = ReturnType<typeof useCellEditing>;

/** The grid's keys and clicks, as Excel takes them, and the selection scrolled into view. */
export function useGridGestures(
  workbook: GridWorkbook,
  { shown, active, view, activeCell }: ShownSheet,
  edits: CellEditing,
  idPrefix: string,
  setMessage: (message: string) => void,
) {
  const { editingRef, updateEditing, select, commit, startEditing } = edits;

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

  return { onGridKeyDown, onCellMouseDown, onCellDoubleClick };
}

/** Switching sheets and going to an address typed in the name box. */
export function useNavigation(
  workbook: GridWorkbook,
  shown: string | undefined,
  edits: CellEditing,
  setMessage: (message: string) => void,
) {
  const { editingRef, commit, focusGrid } = edits;
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
      void attempt(
        () =>
          workbook.select(
            qualified.sheet,
            cellRef(qualified.top, qualified.left) +
              (qualified.bottom !== qualified.top || qualified.right !== qualified.left
                ? `:${cellRef(qualified.bottom, qualified.right)}`
                : ""),
          ),
        setMessage,
      );
    } else if (cell && shown !== undefined) {
      void attempt(() => workbook.select(shown, target.toUpperCase()), setMessage);
    } else {
      setMessage(`${JSON.stringify(target)} is not a cell address (try B2 or ${quoteSheet(shown ?? "Sheet1")}!B2)`);
      return;
    }
    setMessage("");
    focusGrid();
  };
  return { onTabSelect, goTo };
}
