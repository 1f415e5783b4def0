/** The Office.js adapter: the only code of the add-in that touches `Excel.*`. */
export { excelWorkbook, type ExcelApplied, type ExcelWorkbook, type ExcelWorkbookOptions } from "./workbook-port";
export { officeHost, waitingHost, isCellEditError, type ExcelHost, type Waiting } from "./host";
export { CHART_NAME, REALIZATION_CHART_NAME, SENSITIVITY_CHART_NAME } from "./apply";
export { insertStarterModel, type StarterInsertOutcome } from "./starter";
export { applyEditToExcel } from "./edit";
export { selectCell } from "./navigate";
export { watchWorkbook } from "./watch";
export {
  CHANGED_SINCE_SHOWN,
  deleteProfile,
  inspectProfiles,
  keepCustomerProfile,
  keepOnlyProfile,
  previewSwitch,
  saveProfile,
  switchProfile,
  type ProfilesInspection,
  type ProfilesSheetOutcome,
  type SwitchPreview,
  type SwitchWriteOutcome,
} from "./profiles";
export { officeStartupHost } from "./startup-host";
