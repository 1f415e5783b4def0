/** Number formats, colours and styles shared by the sheets the add-in writes. */
import type { Settings } from "../model/types";
import { type CellAddress, formatCell } from "../workbook/address";
import type { CellContent, CellStyle } from "./types";

const SYMBOLS: Record<string, string> = {
  USD: "$",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  CNY: "¥",
  INR: "₹",
  KRW: "₩",
  BRL: "R$",
  AUD: "A$",
  CAD: "C$",
  CHF: "CHF ",
  NOK: "kr ",
  SEK: "kr ",
  DKK: "kr ",
};

/** The symbol money is shown with: `$` for USD, `CHF ` for CHF, the code and a space for a currency without one. */
export function currencySymbol(currency: string): string {
  return (SYMBOLS[currency] ?? `${currency} `).replace(/"/g, "");
}

/** Whole units of money, negatives in red: `"$"#,##0;[Red]-"$"#,##0`. */
export function moneyFormat(currency: string): string {
  const symbol = currencySymbol(currency);
  return `"${symbol}"#,##0;[Red]-"${symbol}"#,##0`;
}

export const PERCENT_FORMAT = "0.0%";
export const MONTHS_FORMAT = "0.0";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
/** A day without its time: when an actual result was measured. */
export const DATE_FORMAT = "yyyy-mm-dd";
/**
 * Numbers whose size and precision the add-in cannot know (a variable's value, a history entry):
 * Excel's General shows 5 as "5" and 0.012 as "0.012". (`#,##0.####` would show "5.", with a
 * stray point, since Excel keeps a format's decimal point when no decimals follow.)
 */
export const GENERAL_NUMBER_FORMAT = "General";
export const WHOLE_NUMBER_FORMAT = "0";

export const COLORS = {
  title: "#1F4E5F",
  headerFill: "#1F4E5F",
  headerText: "#FFFFFF",
  sectionText: "#1F4E5F",
  totalFill: "#E7EEF0",
  greenFill: "#D9EAD3",
  grayFill: "#E6E6E6",
  note: "#595959",
  negative: "#C00000",
  /** Numbers computed at build time, not live formulas: set apart from the live ones. */
  staticText: "#7A4F01",
  /** Orange and blue: told apart with red-green colour blindness too. */
  lowBar: "#E07B39",
  highBar: "#2F6EBA",
  /** Estimate light, actual dark: told apart by lightness as well as hue, and in print. */
  estimateBar: "#A6BDC7",
  actualBar: "#1F4E5F",
} as const;

/** The styles every sheet the add-in writes shares: its title, notes, section headings and table headers. */
export const SHEET_STYLES: Readonly<Record<"title" | "note" | "section" | "header" | "text", CellStyle>> = {
  title: { bold: true, fontSize: 16, fontColor: COLORS.title },
  note: { italic: true, fontColor: COLORS.note },
  section: { bold: true, fontSize: 12, fontColor: COLORS.sectionText, borderBottom: true },
  header: { bold: true, fontColor: COLORS.headerText, fill: COLORS.headerFill, wrap: true },
  text: {},
};

/** How the sheets name a confidence: the contract's word, and what it means to a reader. */
export const CONFIDENCE_LABEL = { green: "green (documented)", gray: "gray (estimated)" } as const;

/** The Value Summary's title: `Value of LeakSense to Northwind`, or `Value Summary` when neither is set. */
export function summaryTitle(settings: Pick<Settings, "offering" | "customer">): string {
  if (settings.offering === "" && settings.customer === "") return "Value Summary";
  return `Value${settings.offering === "" ? "" : ` of ${settings.offering}`}${settings.customer === "" ? "" : ` to ${settings.customer}`}`;
}

/** The Value Summary's title as a live formula over the Customer and Offering cells (see `sheetTitleContent`). */
export function summaryTitleContent(settings: Pick<Settings, "offering" | "customer" | "cells">): CellContent {
  const { customer, offering } = settings.cells;
  const value = summaryTitle(settings);
  if (!customer && !offering) return { kind: "text", value };
  const o = part(offering, settings.offering);
  const c = part(customer, settings.customer);
  return {
    kind: "formula",
    formula: `=IF(AND(${o}="",${c}=""),"Value Summary","Value"&IF(${o}="",""," of "&${o})&IF(${c}="",""," to "&${c}))`,
    value,
  };
}

function part(cell: CellAddress | undefined, text: string): string {
  return cell ? formatCell(cell, true) : stringLiteral(text);
}

/** A sheet's title: `Assumptions Log: LeakSense for Northwind`, or the bare name when neither is set. */
export function sheetTitle(sheet: string, settings: Pick<Settings, "offering" | "customer">): string {
  const heading = [settings.offering, settings.customer].filter((t) => t !== "").join(" for ");
  return heading === "" ? sheet : `${sheet}: ${heading}`;
}

/**
 * The title as a live formula over the Customer and Offering cells of CVM_Settings, so that it
 * names the customer the numbers below are for even after a switch of customer without a
 * rebuild; plain text when the settings give neither. The sheet's name and a setting given
 * only by default go in as string literals (quotes doubled): data inside a formula, never code.
 */
export function sheetTitleContent(sheet: string, settings: Pick<Settings, "offering" | "customer" | "cells">): CellContent {
  const { customer, offering } = settings.cells;
  if (!customer && !offering) return { kind: "text", value: sheetTitle(sheet, settings) };
  const o = part(offering, settings.offering);
  const c = part(customer, settings.customer);
  return {
    kind: "formula",
    formula: `=${stringLiteral(sheet)}&IF(AND(${o}="",${c}=""),"",": "&${o}&IF(AND(${o}<>"",${c}<>"")," for ","")&${c})`,
    value: sheetTitle(sheet, settings),
  };
}

/** Text inside a formula as a string literal, quotes doubled: data, never code. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Excel's serial date (days since 1899-12-30, UTC) for a moment. */
export function excelSerialDate(moment: Date): number {
  return moment.getTime() / 86_400_000 + 25_569;
}
