import { excelWorkbook, type ExcelHost, inspectProfiles, keepCustomerProfile } from "../adapters/excel";
import type { SendingWorkbook } from "../app/prepare-for-sending";

/** The open workbook as Prepare for sending needs it, wired to the Office.js adapter. */
export function sendingWorkbook(host: ExcelHost): SendingWorkbook {
  return {
    workbook: (onProgress) => excelWorkbook(host, onProgress ? { onProgress } : {}),
    inspectProfiles: () => inspectProfiles(host),
    keepCustomerProfile: (customer) => keepCustomerProfile(host, customer),
  };
}
