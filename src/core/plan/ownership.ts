import { type CellValue, cellText } from "../workbook/cells";
import type { SnapshotEntry } from "./snapshot";
import type { SheetPlan } from "./types";

/**
 * What the add-in created in earlier builds and what it last built, kept in a very hidden sheet
 * of the workbook itself: it survives save and reopen, travels with the file, and both adapters
 * can read and write it. Only what is listed here is ever replaced or deleted.
 */
export const META_SHEET = "CVM_Meta";
const FORMAT = 1;

/** When a build first saw an element's Actual (an Excel serial date), for value realization. */
export interface ActualRecorded {
  readonly item: string;
  readonly value: number;
  readonly recorded: number;
}

export interface BuildRecord {
  readonly sheets: readonly string[];
  readonly names: readonly string[];
  readonly historyRows: number;
  readonly snapshot: readonly SnapshotEntry[];
  /** Absent from records written before realization dates were kept. */
  readonly actuals?: readonly ActualRecorded[];
}

export function readBuildRecord(values: readonly (readonly CellValue[])[] | undefined): BuildRecord | undefined {
  if (!values || values.length === 0) return undefined;
  const sheets: string[] = [];
  const names: string[] = [];
  const snapshot: SnapshotEntry[] = [];
  const actuals: ActualRecorded[] = [];
  let historyRows = 0;
  let format: number | undefined;
  for (const row of values) {
    const kind = cellText(row[0]);
    if (kind === "format") format = Number(row[1]);
    else if (kind === "sheet") sheets.push(cellText(row[1]));
    else if (kind === "name") names.push(cellText(row[1]));
    else if (kind === "historyRows") historyRows = Number(row[1]) || 0;
    else if (kind === "actual") {
      const [value, recorded] = [row[2], row[3]];
      if (typeof value === "number" && typeof recorded === "number") actuals.push({ item: cellText(row[1]), value, recorded });
    } else if (kind === "input") {
      const entryKind = cellText(row[1]);
      if (entryKind !== "Variable" && entryKind !== "Element" && entryKind !== "Setting") continue;
      const value = row[4];
      snapshot.push({
        kind: entryKind,
        item: cellText(row[2]),
        field: cellText(row[3]),
        value: typeof value === "number" ? value : cellText(value),
      });
    }
  }
  return format === FORMAT ? { sheets, names, historyRows, snapshot, actuals } : undefined;
}

export function planBuildRecord(record: BuildRecord): SheetPlan {
  const cells: SheetPlan["cells"][number][] = [];
  const rows: (string | number)[][] = [
    [
      "CVM_Meta",
      "Written by the Customer Value Model add-in: the sheets and names it created, and the inputs of its last build. Do not edit.",
    ],
    ["format", FORMAT],
    ...record.sheets.map((s) => ["sheet", s]),
    ...record.names.map((n) => ["name", n]),
    ["historyRows", record.historyRows],
    ...record.snapshot.map((e) => ["input", e.kind, e.item, e.field, e.value]),
    // A row kind older versions skip: the record's format stays 1.
    ...(record.actuals ?? []).map((a) => ["actual", a.item, a.value, a.recorded]),
  ];
  rows.forEach((values, row) =>
    values.forEach((value, column) =>
      cells.push({ row, column, content: typeof value === "number" ? { kind: "number", value } : { kind: "text", value } }),
    ),
  );
  return {
    name: META_SHEET,
    visibility: "veryHidden",
    replaceColumns: { first: 0, last: 4 },
    cells,
    styles: {},
    columnWidths: [],
    conditionalFormats: [],
    charts: [],
  };
}
