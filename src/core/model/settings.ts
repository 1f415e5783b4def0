import type { CellAddress } from "../workbook/address";

/**
 * The settings of CVM_Settings, declared once. Reading the range, the Settings type and its
 * defaults, the Value Summary's title and price & terms, the Assumptions Log, the build's
 * snapshot, the batch CSV and the sample all derive from this table: a new setting is one more
 * entry here (and, where it changes the numbers, the computation that uses it).
 *
 * - `label`: as written in the Setting column (matched without case or spaces).
 * - `kind`: `text` is kept as written; `currency` is a three-letter code; `whole`, `rate` and
 *   `money` are numbers, checked by `accept` (a sentence saying why a number is refused).
 * - `numberFormat`: the Value cell's format in a model the add-in writes (the sample's, in dollars).
 * - `csvColumn`: a column of `cvm batch`'s customers CSV sets it; every other setting named as a
 *   column is refused with a sentence saying it is a setting.
 * - `summary`: where the Value Summary shows it: in the title, the subtitle, or as a row of
 *   price and terms (`order` top to bottom, `live` when the row is a formula over the setting's cell).
 * - `part`: the setting belongs to an optional part of the model (the next-best alternative): the
 *   sheets, the build's snapshot and the empty starter show it only when the workbook gives a value
 *   to a setting of that part, so that a workbook without the part builds exactly as before.
 * - A text setting whose cell is empty takes its default (a Customer left empty is "").
 */
export const SETTINGS = [
  { key: "customer", label: "Customer", kind: "text", default: "", csvColumn: true, summary: { place: "title" } },
  { key: "offering", label: "Offering", kind: "text", default: "", csvColumn: false, summary: { place: "title" } },
  { key: "currency", label: "Currency", kind: "currency", default: "USD", csvColumn: false, summary: { place: "subtitle" } },
  {
    key: "years",
    label: "Years",
    kind: "whole",
    default: 3,
    accept: (n: number) =>
      Number.isInteger(n) && n >= 1 && n <= 30 ? undefined : "the horizon must be a whole number of years from 1 to 30.",
    csvColumn: false,
    // Not live: the summary's columns are laid out for the years of the build.
    summary: { place: "terms", order: 4, label: "Years", meaning: "the horizon of this business case", live: false },
  },
  {
    key: "discountRate",
    label: "DiscountRate",
    kind: "rate",
    default: 0.1,
    accept: (n: number) => (n > -1 && n < 10 ? undefined : "enter an annual rate such as 10% (0.10)."),
    numberFormat: "0%",
    csvColumn: false,
    summary: { place: "terms", order: 3, label: "Discount rate", meaning: "a year, for the net present value", live: true },
  },
  {
    key: "investment",
    label: "Investment",
    kind: "money",
    default: 0,
    accept: (n: number) => (n >= 0 ? undefined : "the one-time price cannot be negative."),
    numberFormat: '"$"#,##0',
    csvColumn: false,
    summary: { place: "terms", order: 1, label: "Investment", meaning: "one-time, at the start", live: true },
  },
  {
    key: "annualCost",
    label: "AnnualCost",
    kind: "money",
    default: 0,
    accept: (n: number) => (n >= 0 ? undefined : "the recurring price cannot be negative."),
    numberFormat: '"$"#,##0',
    csvColumn: false,
    summary: { place: "terms", order: 2, label: "Annual cost", meaning: "each year of the horizon", live: true },
  },
  // The customer's next-best alternative (issue 16): what the customer would do without the
  // offering, against which the elements measure their value, and what it would cost. Shown only
  // when the workbook gives one of them (`part`), so a model without them builds as before.
  {
    key: "alternative",
    label: "Alternative",
    kind: "text",
    default: "current practice",
    csvColumn: true,
    part: "alternative",
    summary: { place: "terms", order: 5, label: "Alternative", meaning: "the customer's next-best alternative", live: true },
  },
  {
    key: "alternativeInvestment",
    label: "AlternativeInvestment",
    kind: "money",
    default: 0,
    accept: (n: number) => (n >= 0 ? undefined : "the alternative's one-time cost cannot be negative."),
    numberFormat: '"$"#,##0',
    csvColumn: true,
    part: "alternative",
    summary: { place: "terms", order: 6, label: "Alternative's investment", meaning: "one-time, at the start", live: true },
  },
  {
    key: "alternativeAnnualCost",
    label: "AlternativeAnnualCost",
    kind: "money",
    default: 0,
    accept: (n: number) => (n >= 0 ? undefined : "the alternative's yearly cost cannot be negative."),
    numberFormat: '"$"#,##0',
    csvColumn: true,
    part: "alternative",
    summary: { place: "terms", order: 7, label: "Alternative's annual cost", meaning: "each year of the horizon", live: true },
  },
] as const satisfies readonly SettingDeclaration[];

export type SettingKind = "text" | "currency" | "whole" | "rate" | "money";
export type NumericKind = "whole" | "rate" | "money";

export interface SettingDeclaration {
  readonly key: string;
  readonly label: string;
  readonly kind: SettingKind;
  readonly default: string | number;
  readonly accept?: (n: number) => string | undefined;
  readonly numberFormat?: string;
  readonly csvColumn: boolean;
  readonly part?: "alternative";
  readonly summary: { readonly place: "title" | "subtitle" } | SummaryTerm;
}

/** A row of the Value Summary's price and terms. */
export interface SummaryTerm {
  readonly place: "terms";
  readonly order: number;
  readonly label: string;
  readonly meaning: string;
  readonly live: boolean;
}

type Declared = (typeof SETTINGS)[number];
export type SettingKey = Declared["key"];
/** The settings whose value is a number. */
export type NumericSettingKey = Extract<Declared, { kind: NumericKind }>["key"];
/** The settings read as text. */
export type TextSettingKey = Extract<Declared, { kind: "text" }>["key"];
/** The settings shown as a row of the summary's price and terms. */
export type TermSettingKey = Extract<Declared, { summary: { place: "terms" } }>["key"];
/** Settings whose cell is remembered: the sheets the add-in writes refer to it live. (A currency is fixed in the number formats at build.) */
type CellSettingKey = Exclude<SettingKey, Extract<Declared, { kind: "currency" }>["key"]>;

/** Where a setting's value lives, when the workbook gives it (defaults have no cell). */
export type SettingCells = Partial<Record<CellSettingKey, CellAddress>>;

export type Settings = { readonly [D in Declared as D["key"]]: D["kind"] extends NumericKind ? number : string } & {
  readonly cells: SettingCells;
};

export const DEFAULT_SETTINGS: Settings = {
  ...(Object.fromEntries(SETTINGS.map((d) => [d.key, d.default])) as Omit<Settings, "cells">),
  cells: {},
};

export const NUMERIC_KINDS: ReadonlySet<SettingKind> = new Set<SettingKind>(["whole", "rate", "money"]);

/** The numeric settings' keys, in the table's order. */
export const NUMERIC_SETTING_KEYS = SETTINGS.flatMap((d) => (NUMERIC_KINDS.has(d.kind) ? [d.key as NumericSettingKey] : []));

/** The price and terms rows of the Value Summary, top to bottom. */
export const SUMMARY_TERMS = SETTINGS.flatMap((d) =>
  d.summary.place === "terms"
    ? [
        {
          key: d.key as TermSettingKey,
          kind: d.kind as NumericKind | "text",
          ...("part" in d ? { part: d.part } : {}),
          ...(d.summary as SummaryTerm),
        },
      ]
    : [],
).sort((a, b) => a.order - b.order);

/** The settings of the next-best alternative. */
export const ALTERNATIVE_SETTING_KEYS = SETTINGS.flatMap((d) => ("part" in d && d.part === "alternative" ? [d.key] : []));

/** The workbook gives the next-best alternative: CVM_Settings has a value for one of its settings. */
export function alternativeGiven(settings: Pick<Settings, "cells">): boolean {
  return ALTERNATIVE_SETTING_KEYS.some((key) => settings.cells[key] !== undefined);
}

/** A setting is shown on the sheets (and recorded in the build's snapshot) unless it belongs to a part the workbook does not give. */
export function settingShown(declaration: { readonly key: string }, settings: Pick<Settings, "cells">): boolean {
  return !("part" in declaration) || alternativeGiven(settings);
}

/** The settings a column of the batch CSV sets per customer, besides the Customer that names each one. */
export type CsvSettingKey = Exclude<Extract<Declared, { csvColumn: true }>["key"], "customer">;
export const CSV_SETTINGS = SETTINGS.filter((d): d is Extract<Declared, { key: CsvSettingKey }> => d.csvColumn && d.key !== "customer");
/** A customer's own values of those settings, as a line of the batch CSV gives them. */
export type CustomerSettings = { -readonly [K in CsvSettingKey]?: Settings[K] };

/** The labels of the settings a batch CSV refuses as columns (all but the Customer, which names each customer, and the alternative's, set per customer). */
export const CSV_REFUSED_SETTINGS = SETTINGS.filter((d) => !d.csvColumn).map((d) => d.label);

/** The setting a label names, matched as the Setting column is read: without case or spaces. */
export function settingByLabel(label: string): (Declared & Pick<SettingDeclaration, "numberFormat">) | undefined {
  const normalised = label.toLowerCase().replace(/\s+/g, "");
  return SETTINGS.find((d) => d.label.toLowerCase() === normalised);
}

/** The style a setting's value takes on the sheets the add-in writes (undefined for text). */
export function settingStyle(kind: SettingKind): "whole" | "percent" | "money" | undefined {
  return kind === "whole" ? "whole" : kind === "rate" ? "percent" : kind === "money" ? "money" : undefined;
}
