import { error, type Problem, warning } from "../problems";
import type { CellAddress } from "../workbook/address";
import { type CellValue, cellText, quoted, RANGE_NAMES, type RangeInput } from "../workbook/cells";
import { readTable } from "../workbook/table";
import { readNumberCell } from "./numbers";
import { DEFAULT_SETTINGS, type SettingCells, type Settings } from "./types";

const RANGE = RANGE_NAMES.settings;

type Key = "customer" | "offering" | "currency" | "years" | "discountRate" | "investment" | "annualCost";
const KEYS: Record<string, Key> = {
  customer: "customer",
  offering: "offering",
  currency: "currency",
  years: "years",
  discountrate: "discountRate",
  investment: "investment",
  annualcost: "annualCost",
};

type Check = (value: CellValue, at: CellAddress) => { value: number } | { message: string };

function numberSetting(label: string, accept: (n: number) => string | undefined): Check {
  return (cell) => {
    const read = readNumberCell(cell, `The setting ${label}`);
    if (!read.ok) return { message: read.message };
    const refused = accept(read.value);
    return refused ? { message: `The setting ${label} is ${read.value}: ${refused}` } : { value: read.value };
  };
}

const NUMERIC: Record<"years" | "discountRate" | "investment" | "annualCost", Check> = {
  years: numberSetting("Years", (n) => (Number.isInteger(n) && n >= 1 && n <= 30 ? undefined : "the horizon must be a whole number of years from 1 to 30.")),
  discountRate: numberSetting("DiscountRate", (n) => (n > -1 && n < 10 ? undefined : "enter an annual rate such as 10% (0.10).")),
  investment: numberSetting("Investment", (n) => (n >= 0 ? undefined : "the one-time price cannot be negative.")),
  annualCost: numberSetting("AnnualCost", (n) => (n >= 0 ? undefined : "the recurring price cannot be negative.")),
};

/** Reads `CVM_Settings`. The range is optional: without it every setting takes its default. */
export function readSettings(input: RangeInput | undefined): { settings: Settings; problems: Problem[] } {
  if (!input) {
    return { settings: DEFAULT_SETTINGS, problems: [warning("range-missing", RANGE, `The workbook has no named range ${RANGE}; the defaults apply (3 years, 10% discount rate, no price). Add a two-column table Setting | Value named ${RANGE} to set them.`)] };
  }
  const { table, problems } = readTable(RANGE, input, [
    { key: "setting", header: "Setting", required: true },
    { key: "value", header: "Value", required: true },
  ] as const);
  if (!table || problems.some((p) => p.code === "column-missing")) return { settings: DEFAULT_SETTINGS, problems };

  const text: Partial<Record<"customer" | "offering" | "currency", string>> = {};
  const numbers: Partial<Record<keyof typeof NUMERIC, number>> = {};
  const cells: { -readonly [K in keyof SettingCells]: SettingCells[K] } = {};
  const seen = new Map<Key, CellAddress>();
  for (const row of table.rows) {
    const settingCell = row.cells.setting!;
    const valueCell = row.cells.value!;
    const label = cellText(settingCell.value);
    const normalised = label.toLowerCase().replace(/\s+/g, "");
    const key = Object.hasOwn(KEYS, normalised) ? KEYS[normalised] : undefined;
    if (!key) {
      problems.push(warning("setting-unknown", RANGE, `${quoted(label)} is not a setting the add-in knows (Customer, Offering, Currency, Years, DiscountRate, Investment, AnnualCost); it is ignored.`, settingCell.address));
      continue;
    }
    if (seen.has(key)) {
      problems.push(error("setting-repeated", RANGE, `The setting ${label.length > 60 ? quoted(label) : label} is given twice; keep one row.`, settingCell.address));
      continue;
    }
    seen.set(key, settingCell.address);
    if (key === "customer" || key === "offering") {
      text[key] = cellText(valueCell.value);
      cells[key] = valueCell.address;
    } else if (key === "currency") {
      const code = cellText(valueCell.value).toUpperCase();
      if (code === "") continue;
      if (!/^[A-Z]{3}$/.test(code)) {
        problems.push(error("setting-currency-invalid", RANGE, `The currency ${quoted(cellText(valueCell.value))} is not a three-letter ISO 4217 code such as USD, EUR or GBP.`, valueCell.address));
        continue;
      }
      text.currency = code;
    } else {
      if (cellText(valueCell.value) === "") continue;
      const checked = NUMERIC[key](valueCell.value, valueCell.address);
      if ("message" in checked) {
        problems.push(error(`setting-${key}-invalid`, RANGE, checked.message, valueCell.address));
        continue;
      }
      numbers[key] = checked.value;
      cells[key] = valueCell.address;
    }
  }
  return { settings: { ...DEFAULT_SETTINGS, ...text, ...numbers, cells }, problems };
}
