import { newXlsxFromEdit } from "../adapters/xlsx/cells";
import { planStarterModel } from "../core/starter/starter-model";
import { PIPELINE_STARTER } from "../sample/pipeline-model";

/**
 * The sample model as an .xlsx: the inputs only, as a sales engineer would start. The starter
 * plan the task pane inserts, applied to a new workbook: the file and the pane's sample have one layout.
 */
export async function writeSampleWorkbook(): Promise<Uint8Array> {
  const planned = planStarterModel("sample", { sheets: [], names: [], tables: [] }, PIPELINE_STARTER);
  if (!planned.ok) throw new Error(planned.message);
  // A fixed date: the same sample holds the same parts, release after release (the zip stamps its own time).
  return newXlsxFromEdit(planned.plan.edit, { creator: "Customer Value Model", created: new Date(Date.UTC(2026, 0, 1)) });
}
