import { writeModelWorkbook } from "../adapters/xlsx/model-workbook";
import { PIPELINE_SAMPLE, sampleNumberFormat } from "./pipeline-model";

/** The sample model as an .xlsx: the inputs only, as a sales engineer would start. */
export function writeSampleWorkbook(): Promise<Uint8Array> {
  return writeModelWorkbook(PIPELINE_SAMPLE, { numberFormat: sampleNumberFormat, widths: [24, 14, 26, 44, 40, 12, 12, 12, 12] });
}
