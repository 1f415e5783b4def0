/**
 * The simulated workbook on screen: name box and formula bar, the active sheet's grid, its charts
 * as captions, and the sheet tabs. It shows the workbook's own state (active sheet, selection) and
 * sends the user's gestures to it, so the add-in sees what the user does and the user sees what
 * the add-in does (a Range.select() from the task pane moves the selection here, and scrolls to it).
 */
import { Tab, TabList, makeStyles } from "@fluentui/react-components";
import { useId, useState } from "react";
import { cellRef } from "../../../core/workbook/address";
import { DRAW_LIMITS, type DrawLimits, chartCaption } from "./sheet-view";
import { SheetGrid } from "./SheetGrid";
import { useCellEditing, useGridGestures, useNavigation, useShownSheet } from "./use-workbook-view";
import type { GridWorkbook } from "./workbook";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100%",
    minHeight: 0,
    minWidth: 0,
    backgroundColor: "#FFFFFF",
    color: "#000000",
  },
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
  fx: {
    display: "flex",
    alignItems: "center",
    padding: "0 6px",
    color: "#444444",
    fontStyle: "italic",
    fontFamily: "Georgia, serif",
    userSelect: "none",
  },
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

export interface WorkbookViewProps {
  readonly workbook: GridWorkbook;
  /** How much of a sheet the grid draws at most (default DRAW_LIMITS). */
  readonly limits?: DrawLimits;
}

export function WorkbookView({ workbook, limits = DRAW_LIMITS }: WorkbookViewProps) {
  const styles = useStyles();
  const idPrefix = `cvm-grid${useId().replace(/[^A-Za-z0-9_-]/g, "")}`;
  const [message, setMessage] = useState("");
  const sheet = useShownSheet(workbook, limits);
  const edits = useCellEditing(workbook, sheet, setMessage);
  const gestures = useGridGestures(workbook, sheet, edits, idPrefix, setMessage);
  const { onTabSelect, goTo } = useNavigation(workbook, sheet.shown, edits, setMessage);
  const { visibleSheets, shown, range, active, view, drawn } = sheet;

  if (shown === undefined || !view) return <div className={styles.root}>This workbook has no visible sheet.</div>;

  const address = cellRef(active.row, active.column);
  const rangeText = range.bottom !== range.top || range.right !== range.left ? `${address}:${cellRef(range.bottom, range.right)}` : address;

  return (
    <div className={styles.root}>
      <FormulaBar address={address} rangeText={rangeText} activeInput={sheet.activeCell?.input ?? ""} edits={edits} goTo={goTo} />
      {message !== "" && (
        <div className={styles.message} role="status">
          {message}
        </div>
      )}
      {!drawn && (
        <div className={styles.note}>
          {address} is past the area drawn here ({view.rows.toLocaleString("en-US")} rows, {view.columns} columns): the name box and formula
          bar show it.
        </div>
      )}
      <div className={styles.scroller}>
        <SheetGrid
          view={view}
          active={active}
          range={range}
          editor={edits.editor}
          idPrefix={idPrefix}
          activeDrawn={drawn}
          gridRef={edits.gridRef}
          onCellMouseDown={gestures.onCellMouseDown}
          onCellDoubleClick={gestures.onCellDoubleClick}
          onKeyDown={gestures.onGridKeyDown}
        />
      </div>
      {view.charts.length > 0 && (
        <ul className={styles.charts} aria-label={`Charts on ${shown}`}>
          {view.charts.map((chart) => (
            <li key={chart.name}>{chartCaption(chart)}</li>
          ))}
        </ul>
      )}
      <TabList
        className={styles.tabs}
        size="small"
        aria-label="Sheets"
        selectedValue={shown}
        onTabSelect={(_, data) => onTabSelect(String(data.value))}
      >
        {visibleSheets.map((name) => (
          <Tab key={name} value={name}>
            {name}
          </Tab>
        ))}
      </TabList>
    </div>
  );
}

interface FormulaBarProps {
  readonly address: string;
  /** The selection, as the name box shows it when the user is not typing there. */
  readonly rangeText: string;
  /** The active cell's input, shown when no edit is under way. */
  readonly activeInput: string;
  readonly edits: ReturnType<typeof useCellEditing>;
  readonly goTo: (text: string) => void;
}

/** The name box (type an address, Enter goes there) and the formula bar (an edit of the active cell). */
function FormulaBar({ address, rangeText, activeInput, edits, goTo }: FormulaBarProps) {
  const styles = useStyles();
  const [nameBox, setNameBox] = useState<string | undefined>();
  const { editing, editingRef, updateEditing, startEditing, commit, cancel, focusGrid } = edits;
  return (
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
        ref={edits.formulaRef}
        className={`${styles.input} ${styles.formula}`}
        aria-label={`Formula bar, cell ${address}`}
        value={editing ? editing.text : activeInput}
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
  );
}
