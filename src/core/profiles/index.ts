/** Customer profiles: the profiles sheet read and planned as plain data, and switches planned. */
export * from "./types";
export { readProfilesSheet } from "./read-sheet";
export {
  readCurrentValues,
  switchBlockers,
  type CurrentCell,
  type CurrentElement,
  type CurrentValues,
  type CurrentVariable,
  type CustomerCell,
} from "./current";
export { checkProfileName, type NameCheck } from "./name";
export {
  planSave,
  planDelete,
  planKeepOnly,
  planForCustomer,
  planKeepCustomer,
  orderColumns,
  orderRangeColumns,
  writableStore,
  type CustomerChoice,
  type ProfileCell,
  type ProfilesSheetPlan,
  type SaveCustomer,
  type SheetPlanOutcome,
} from "./plan-sheet";
export {
  planSwitch,
  savedState,
  sameSwitchPlan,
  switchEdit,
  type CustomerChange,
  type RangeChange,
  type RangesPlan,
  type SavedState,
  type SwitchOutcome,
  type SwitchPlan,
  type VariableChange,
} from "./switch";
