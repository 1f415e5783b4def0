import { error, type Problem, warning } from "../problems";
import { type CellAddress, parseRangeAddress } from "../workbook/address";
import { type CellValue, cellText, describeCell, isBlank, type RangeInput } from "../workbook/cells";
import { largest } from "../plan/largest";
import {
  ACTIVE_ROW,
  CUSTOMER_HEADER,
  FIRST_PROFILE_ROW,
  FIRST_VARIABLE_COLUMN,
  FORMAT_ROW,
  HEADER_ROW,
  type Profile,
  parseRangeHeader,
  PROFILES_FORMAT,
  PROFILES_FORMAT_VALUES_ONLY,
  PROFILES_SHEET,
  type ProfilesRead,
  RANGE_WORD,
  type RangeKind,
  RANGES_HEADER,
  RANGES_YES,
  SAVED_HEADER,
  type SavedRange,
  type SavedValue,
} from "./types";

/**
 * Reads the profiles sheet from its used range (`undefined` when the workbook has no sheet of that
 * name, `used` undefined when the sheet is empty). The sheet is the add-in's only when A1 holds
 * the marker; otherwise it is the user's and is never written. A user may unhide and edit the
 * add-in's sheet: it is read tolerantly (empty rows skipped, headers matched ignoring case), and
 * what cannot be read back exactly is an error at its cell, so that no rewrite silently drops it.
 */
export function readProfilesSheet(sheet: { readonly name: string; readonly used?: RangeInput } | undefined): ProfilesRead {
  if (!sheet) return { kind: "absent" };
  const r = sheetReader(sheet.name, gridOf(sheet.used));
  if (cellText(r.at(0, 0)).toLowerCase() !== PROFILES_SHEET.toLowerCase()) {
    return {
      kind: "foreign",
      sheet: sheet.name,
      message: `The workbook already has a sheet named "${sheet.name}" that the add-in did not create (its cell A1 does not say ${PROFILES_SHEET}). The add-in never writes over a sheet it did not create, so it cannot keep customer profiles: rename that sheet, then save a profile again.`,
    };
  }
  checkFormat(r);
  const { grid, problems } = r;
  const extent = grid.bottom >= HEADER_ROW || grid.right >= FIRST_VARIABLE_COLUMN ? { bottom: grid.bottom, right: grid.right } : undefined;
  const base = { sheet: sheet.name, ...(extent ? { extent } : {}) };
  if (!headersReadable(r)) return { kind: "ours", store: { ...base, active: "", variables: [], profiles: [] }, problems };

  const columns = readColumns(r);
  const profiles: Profile[] = [];
  for (let row = FIRST_PROFILE_ROW; row <= grid.bottom; row++) {
    const profile = readProfileRow(r, row, columns, profiles);
    if (profile) profiles.push(profile);
  }

  const activeText = cellText(r.at(ACTIVE_ROW, 1));
  const active = profiles.find((p) => p.name.toLowerCase() === activeText.toLowerCase());
  if (activeText !== "" && !active) {
    r.problem(
      warning,
      "profiles-active-unknown",
      `The active profile is "${activeText}", but no profile has that name; no profile is taken as active.`,
      r.cell(ACTIVE_ROW, 1),
    );
  }
  const ranged = columns.ranges.map(({ kind, of }) => ({ kind, of }));
  return {
    kind: "ours",
    store: {
      ...base,
      active: active?.name ?? "",
      variables: columns.variables,
      ...(ranged.length > 0 ? { rangeColumns: ranged } : {}),
      profiles,
    },
    problems,
  };
}

/** The sheet's cells as the reader needs them, and the problems it finds, each at its cell. */
interface SheetReader {
  readonly grid: ReturnType<typeof gridOf>;
  readonly at: (row: number, column: number) => CellValue;
  readonly cell: (row: number, column: number) => CellAddress;
  readonly problems: Problem[];
  readonly problem: (make: typeof error, code: string, message: string, address: CellAddress) => void;
}

function sheetReader(name: string, grid: ReturnType<typeof gridOf>): SheetReader {
  const problems: Problem[] = [];
  return {
    grid,
    at: (row, column) => grid.rows[row]?.[column] ?? "",
    cell: (row, column) => ({ sheet: name, row, column }),
    problems,
    problem: (make, code, message, address) => problems.push(make(code, PROFILES_SHEET, message, address)),
  };
}

/** A format newer than this add-in's stops changes; an unknown one is read as the current format. */
function checkFormat({ at, cell, problem }: SheetReader): void {
  const format = at(FORMAT_ROW, 1);
  if (typeof format === "number" && format > PROFILES_FORMAT) {
    problem(
      error,
      "profiles-format-newer",
      `This profiles sheet was written by a newer version of the add-in (format ${format}); update the add-in before you change profiles.`,
      cell(FORMAT_ROW, 1),
    );
  } else if (!isBlank(format) && format !== PROFILES_FORMAT && format !== PROFILES_FORMAT_VALUES_ONLY) {
    problem(
      warning,
      "profiles-format-unknown",
      `The format of the profiles sheet should be ${PROFILES_FORMAT_VALUES_ONLY} or ${PROFILES_FORMAT}, not ${describeCell(format)}; the sheet is read as format ${PROFILES_FORMAT}.`,
      cell(FORMAT_ROW, 1),
    );
  }
}

/** Whether the Customer and Saved headers are where the table needs them (each one missing is an error). */
function headersReadable({ at, cell, problem }: SheetReader): boolean {
  let headersOk = true;
  for (const [column, header] of [
    [0, CUSTOMER_HEADER],
    [1, SAVED_HEADER],
  ] as const) {
    const found = at(HEADER_ROW, column);
    if (cellText(found).toLowerCase() === header.toLowerCase()) continue;
    headersOk = false;
    problem(
      error,
      "profiles-header",
      `The profiles table's header must say "${header}" here, not ${describeCell(found)}: without it the add-in cannot read the profiles. Type ${header} in this cell again.`,
      cell(HEADER_ROW, column),
    );
  }
  return headersOk;
}

/** The sheet's columns after Customer and Saved: variables, Low, High and Actual columns, and the marker of profiles saved with ranges. */
interface ProfileColumns {
  readonly variables: string[];
  readonly values: { readonly column: number; readonly variable: string }[];
  readonly ranges: { readonly column: number; readonly kind: RangeKind; readonly of: string }[];
  readonly marker?: number;
}

/**
 * The columns: a header each (a column with values but no header cannot be read): the marker of
 * the profiles saved with ranges, a Low, High or Actual (the header's last word), else a variable.
 */
function readColumns({ grid, at, cell, problem }: SheetReader): ProfileColumns {
  const variables: string[] = [];
  const values: { readonly column: number; readonly variable: string }[] = [];
  const ranges: { readonly column: number; readonly kind: RangeKind; readonly of: string }[] = [];
  let marker: number | undefined;
  const headers = new Set<string>();
  for (let column = FIRST_VARIABLE_COLUMN; column <= grid.right; column++) {
    const name = cellText(at(HEADER_ROW, column));
    if (name === "") {
      const filled = grid.rows.slice(FIRST_PROFILE_ROW).some((row) => !isBlank(row[column] ?? ""));
      if (filled)
        problem(
          error,
          "profiles-column-unnamed",
          "This column holds saved values but no variable name in the header row: type the variable's name here, or clear the column.",
          cell(HEADER_ROW, column),
        );
      continue;
    }
    const key = name.replace(/\s+/gu, " ").toLowerCase();
    if (headers.has(key)) {
      const variable = !parseRangeHeader(name) && key !== RANGES_HEADER.toLowerCase();
      const message = variable
        ? `The variable ${name} has two columns on the profiles sheet; keep one.`
        : `The column ${name} is on the profiles sheet twice; keep one.`;
      problem(error, "profiles-column-repeated", message, cell(HEADER_ROW, column));
      continue;
    }
    headers.add(key);
    if (key === RANGES_HEADER.toLowerCase()) {
      marker = column;
      continue;
    }
    const ranged = parseRangeHeader(name);
    if (ranged) {
      ranges.push({ column, ...ranged });
      continue;
    }
    variables.push(name);
    values.push({ column, variable: name });
  }
  return { variables, values, ranges, ...(marker === undefined ? {} : { marker }) };
}

/** One row of the table as a profile; undefined for an empty row, or one whose name is missing or taken by a profile above. */
function readProfileRow(r: SheetReader, row: number, columns: ProfileColumns, above: readonly Profile[]): Profile | undefined {
  const { at, cell, problem } = r;
  const line = r.grid.rows[row] ?? [];
  if (line.every((value) => isBlank(value))) return undefined;
  const name = cellText(at(row, 0));
  if (name === "") {
    problem(
      error,
      "profile-name-missing",
      "This row of saved values has no customer name: type one in this cell, or clear the whole row.",
      cell(row, 0),
    );
    return undefined;
  }
  if (above.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
    problem(error, "profile-name-repeated", `Two profiles are named "${name}"; rename or clear one of the rows.`, cell(row, 0));
    return undefined;
  }
  const savedCell = at(row, 1);
  let saved: number | undefined;
  if (typeof savedCell === "number" && Number.isFinite(savedCell)) saved = savedCell;
  else if (!isBlank(savedCell)) {
    problem(
      error,
      "profile-saved-invalid",
      `When "${name}" was saved should be a date and time, not ${describeCell(savedCell)}; enter one, or clear the cell.`,
      cell(row, 1),
    );
  }
  const values = readSavedValues(r, row, name, columns);
  const marker = columns.marker === undefined ? "" : at(row, columns.marker);
  const withRanges = typeof marker === "string" && marker.trim().toLowerCase() === RANGES_YES;
  if (!withRanges && !isBlank(marker)) {
    problem(
      error,
      "profile-ranges-marker",
      `Whether "${name}" was saved with its Low, High and Actual should be "${RANGES_YES}" or empty, not ${describeCell(marker)}.`,
      cell(row, columns.marker!),
    );
  }
  const ranges = readSavedRanges(r, row, name, columns, values, withRanges);
  return { name, ...(saved === undefined ? {} : { saved }), values, ...(withRanges ? { ranges } : {}) };
}

function readSavedValues({ at, cell, problem }: SheetReader, row: number, name: string, columns: ProfileColumns): SavedValue[] {
  const values: SavedValue[] = [];
  for (const { column, variable } of columns.values) {
    const value = at(row, column);
    if (isBlank(value)) continue;
    if (typeof value === "number" && Number.isFinite(value)) values.push({ variable, value });
    else {
      problem(
        error,
        "profile-value-invalid",
        `The value of ${variable} saved for "${name}" is ${describeCell(value)}; enter a number, or clear the cell (empty means the variable was not in the model when the profile was saved).`,
        cell(row, column),
      );
    }
  }
  return values;
}

/**
 * A row's Low, High and Actual. Saved with ranges, an empty cell is "none", for a variable the
 * profile has a value for (it was in the model then) and for every element whose column is on the sheet.
 */
function readSavedRanges(
  { at, cell, problem }: SheetReader,
  row: number,
  name: string,
  columns: ProfileColumns,
  values: readonly SavedValue[],
  withRanges: boolean,
): SavedRange[] {
  const ranges: SavedRange[] = [];
  for (const { column, kind, of } of columns.ranges) {
    const value = at(row, column);
    if (typeof value === "number" && Number.isFinite(value)) {
      if (withRanges) ranges.push({ kind, of, value });
      else
        problem(
          error,
          "profile-range-without-marker",
          `${of} ${RANGE_WORD[kind]} is saved for "${name}", but the profile is not marked as saved with ranges: type ${RANGES_YES} in its "${RANGES_HEADER}" cell, or clear this one.`,
          cell(row, column),
        );
    } else if (!isBlank(value)) {
      problem(
        error,
        "profile-value-invalid",
        `The ${RANGE_WORD[kind]} of ${of} saved for "${name}" is ${describeCell(value)}; enter a number, or clear the cell (empty means none).`,
        cell(row, column),
      );
    } else if (withRanges && (kind === "actual" || values.some((v) => v.variable.toLowerCase() === of.toLowerCase()))) {
      ranges.push({ kind, of, value: null });
    }
  }
  return ranges;
}

/** The used range as rows from A1 (cells above and left of it are empty), and its last row and column. */
function gridOf(used: RangeInput | undefined): {
  readonly rows: readonly (readonly CellValue[])[];
  readonly bottom: number;
  readonly right: number;
} {
  const range = used && parseRangeAddress(used.address);
  if (!used || !range) return { rows: [], bottom: -1, right: -1 };
  const rows: CellValue[][] = [];
  used.values.forEach((line, r) => {
    const row: CellValue[] = [];
    line.forEach((value, c) => (row[range.left + c] = value));
    rows[range.top + r] = row;
  });
  return { rows, bottom: range.top + used.values.length - 1, right: range.left + largest(used.values, (l) => l.length, 0) - 1 };
}
