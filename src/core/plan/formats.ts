/** Number formats, colours and styles shared by the sheets the add-in writes. */
import type { Settings } from "../model/types";
import type { CellStyle } from "./types";

const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥", CNY: "¥", INR: "₹", KRW: "₩", BRL: "R$", AUD: "A$", CAD: "C$", CHF: "CHF ", NOK: "kr ", SEK: "kr ", DKK: "kr " };

/** Whole units of money, negatives in red: `"$"#,##0;[Red]-"$"#,##0`. */
export function moneyFormat(currency: string): string {
  const symbol = (SYMBOLS[currency] ?? `${currency} `).replace(/"/g, "");
  return `"${symbol}"#,##0;[Red]-"${symbol}"#,##0`;
}

export const PERCENT_FORMAT = "0.0%";
export const MONTHS_FORMAT = "0.0";
export const DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
export const GENERAL_NUMBER_FORMAT = "#,##0.####";

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
} as const;

/** The styles every sheet the add-in writes shares: its title, notes, section headings and table headers. */
export const SHEET_STYLES: Readonly<Record<"title" | "note" | "section" | "header" | "text", CellStyle>> = {
  title: { bold: true, fontSize: 16, fontColor: COLORS.title },
  note: { italic: true, fontColor: COLORS.note },
  section: { bold: true, fontSize: 12, fontColor: COLORS.sectionText, borderBottom: true },
  header: { bold: true, fontColor: COLORS.headerText, fill: COLORS.headerFill, wrap: true },
  text: {},
};

/** A sheet's title: `Value Summary: LeakSense for Northwind`, or the bare name when neither is set. */
export function sheetTitle(sheet: string, settings: Pick<Settings, "offering" | "customer">): string {
  const heading = [settings.offering, settings.customer].filter((t) => t !== "").join(" for ");
  return heading === "" ? sheet : `${sheet}: ${heading}`;
}

/** Excel's serial date (days since 1899-12-30, UTC) for a moment. */
export function excelSerialDate(moment: Date): number {
  return moment.getTime() / 86_400_000 + 25_569;
}
