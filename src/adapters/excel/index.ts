/** The Office.js adapter: the only code of the add-in that touches `Excel.*`. */
export { buildInExcel, analyzeInExcel, inspectInExcel, type BuildOptions, type BuildProgress, type ExcelBuildOutcome, type ModelInspection } from "./build";
export { officeHost, waitingHost, isCellEditError, type ExcelHost, type Waiting } from "./host";
export { CHART_NAME, SENSITIVITY_CHART_NAME } from "./apply";
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
