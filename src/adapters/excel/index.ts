/** The Office.js adapter: the only code of the add-in that touches `Excel.*`. */
export { buildInExcel, analyzeInExcel, type ExcelBuildOutcome } from "./build";
export { officeHost, type ExcelHost } from "./host";
export { CHART_NAME } from "./apply";
