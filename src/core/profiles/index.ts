/** Customer profiles: the profiles sheet read and planned as plain data, and switches planned. */
export * from "./types";
export { readProfilesSheet } from "./read-sheet";
export { readCurrentValues, switchBlockers, type CurrentValues, type CurrentVariable, type CustomerCell } from "./current";
export { checkProfileName, type NameCheck } from "./name";
export { planSave, planDelete, planKeepOnly, planForCustomer, planKeepCustomer, orderColumns, writableStore, type ProfileCell, type ProfilesSheetPlan, type SheetPlanOutcome } from "./plan-sheet";
export { planSwitch, savedState, sameSwitchPlan, type CustomerChange, type SavedState, type SwitchOutcome, type SwitchPlan, type VariableChange } from "./switch";
