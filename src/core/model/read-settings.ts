import { error, type Problem, warning } from "../problems";
import type { CellAddress } from "../workbook/address";
import { type CellValue, cellErrorCode, cellText, quoted, RANGE_NAMES, type RangeInput } from "../workbook/cells";
import { readTable } from "../workbook/table";
import { readNumberCell } from "./numbers";
import {
  DEFAULT_SETTINGS,
  type NumericSettingKey,
  type SettingCells,
  type SettingKey,
  SETTINGS,
  type Settings,
  settingByLabel,
  type TextSettingKey,
} from "./settings";

const RANGE = RANGE_NAMES.settings;

type Values = { -readonly [K in keyof Omit<Settings, "cells">]?: Settings[K] };
type Cells = { -readonly [K in keyof SettingCells]: SettingCells[K] };

/** A number setting's value, or the sentence saying why it is refused. */
function checkNumber(label: string, accept: (n: number) => string | undefined, cell: CellValue): { value: number } | { message: string } {
  const read = readNumberCell(cell, `The setting ${label}`);
  if (!read.ok) return { message: read.message };
  const refused = accept(read.value);
  return refused ? { message: `The setting ${label} is ${read.value}: ${refused}` } : { value: read.value };
}

/** Reads `CVM_Settings`. The range is optional: without it every setting takes its default. */
export function readSettings(input: RangeInput | undefined): { settings: Settings; problems: Problem[] } {
  if (!input) {
    return {
      settings: DEFAULT_SETTINGS,
      problems: [
        warning(
          "range-missing",
          RANGE,
          `The workbook has no named range ${RANGE}; the defaults apply (3 years, 10% discount rate, no price). Add a two-column table Setting | Value named ${RANGE} to set them.`,
        ),
      ],
    };
  }
  const { table, problems } = readTable(RANGE, input, [
    { key: "setting", header: "Setting", required: true },
    { key: "value", header: "Value", required: true },
  ] as const);
  if (!table || problems.some((p) => p.code === "column-missing")) return { settings: DEFAULT_SETTINGS, problems };

  const values: Values = {};
  const cells: Cells = {};
  const seen = new Set<SettingKey>();
  for (const row of table.rows) {
    const settingCell = row.cells.setting!;
    const valueCell = row.cells.value!;
    const label = cellText(settingCell.value);
    const declared = settingByLabel(label);
    if (!declared) {
      problems.push(
        warning(
          "setting-unknown",
          RANGE,
          `${quoted(label)} is not a setting the add-in knows (${SETTINGS.map((d) => d.label).join(", ")}); it is ignored.`,
          settingCell.address,
        ),
      );
      continue;
    }
    if (seen.has(declared.key)) {
      problems.push(
        error(
          "setting-repeated",
          RANGE,
          `The setting ${label.length > 60 ? quoted(label) : label} is given twice; keep one row.`,
          settingCell.address,
        ),
      );
      continue;
    }
    seen.add(declared.key);
    const problem = readValue(declared, valueCell.value, valueCell.address, values, cells);
    if (problem) problems.push(problem);
  }
  return { settings: { ...DEFAULT_SETTINGS, ...values, cells }, problems };
}

/** Reads one setting's Value cell into `values` (and its cell into `cells`, where the sheets refer to it); a refused value is a problem. */
function readValue(
  declared: (typeof SETTINGS)[number],
  value: CellValue,
  at: CellAddress,
  values: Values,
  cells: Cells,
): Problem | undefined {
  const { key } = declared;
  if (declared.kind === "text") {
    // An empty Alternative is "current practice", its default; an empty Customer is "" (its default too).
    if (cellText(value) === "" && declared.default !== "") return undefined;
    // The alternative's name is shown by a live formula: an error there would show in the
    // workbook where the add-in shows text.
    const code = "part" in declared ? cellErrorCode(value) : undefined;
    if (code)
      return error(
        `setting-${key}-invalid`,
        RANGE,
        `The setting ${declared.label} holds the error ${code}; write the customer's next-best alternative as text, such as manual patrols.`,
        at,
      );
    values[key as TextSettingKey] = cellText(value);
    cells[key as TextSettingKey] = at;
    return undefined;
  }
  if (declared.kind === "currency") {
    const code = cellText(value).toUpperCase();
    if (code === "") return undefined;
    if (!/^[A-Z]{3}$/.test(code))
      return error(
        "setting-currency-invalid",
        RANGE,
        `The currency ${quoted(cellText(value))} is not a three-letter ISO 4217 code such as USD, EUR or GBP.`,
        at,
      );
    values.currency = code;
    return undefined;
  }
  if (cellText(value) === "") return undefined;
  const checked = checkNumber(declared.label, declared.accept, value);
  if ("message" in checked) return error(`setting-${key}-invalid`, RANGE, checked.message, at);
  values[key as NumericSettingKey] = checked.value;
  cells[key as NumericSettingKey] = at;
  return undefined;
}
