import ExcelJS from "exceljs";
import { applyEditToXlsx } from "../adapters/xlsx/edit";
import { planStarterModel } from "../core/starter/starter-model";
import { PIPELINE_STARTER } from "../sample/pipeline-model";

/**
 * The sample model as an .xlsx: the inputs only, as a sales engineer would start. The starter
 * plan the task pane inserts, applied to a new workbook: the file and the pane's sample have one layout.
 */
export async function writeSampleWorkbook(): Promise<Uint8Array> {
  const planned = planStarterModel("sample", { sheets: [], names: [], tables: [] }, PIPELINE_STARTER);
  if (!planned.ok) throw new Error(planned.message);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Customer Value Model";
  // A fixed date: the same sample gives the same bytes, release after release.
  workbook.created = new Date(Date.UTC(2026, 0, 1));
  workbook.modified = new Date(Date.UTC(2026, 0, 1));
  applyEditToXlsx(workbook, planned.plan.edit);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
