import type { Settings } from "../model/types";
import { sheetTitle } from "./formats";
import { SUMMARY_SHEET } from "./summary";

/**
 * The document properties of a workbook made for one customer (File > Info, and what mail and
 * file previews show). The model's own may name the customer it was last made for, so a
 * customer's workbook gets a title of its own, the sheet title's wording, and the free-text
 * properties are left empty.
 */
export interface DocumentProperties {
  readonly title: string;
  readonly subject: "";
  readonly keywords: "";
  readonly description: "";
  readonly category: "";
}

export function documentPropertiesFor(settings: Pick<Settings, "offering" | "customer">): DocumentProperties {
  return { title: sheetTitle(SUMMARY_SHEET, settings), subject: "", keywords: "", description: "", category: "" };
}
