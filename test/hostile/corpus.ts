/**
 * A corpus of hostile inputs (issue 6, item 2): broken models, each with the problem the contract
 * and the validation rules say it must get, and where. Every case is a model's three named ranges
 * as the core receives them (Office.js's shape: an address and a 2-D array of values, header row
 * first) and the same model as an .xlsx file, so that one case drives the core, the Office.js
 * adapter (on the in-memory simulation) and `cvm build`.
 *
 * hostile-core.test.ts runs them through the core, hostile-excel.test.ts through the Office.js
 * adapter, hostile-cli.test.ts through `cvm build`; properties.test.ts adds random numbers at the
 * edges of a double.
 *
 * Where the contract is silent, the expectations follow the validation rules as they stand:
 * an empty or broken CVM_Settings is an error (only a missing one falls back to the defaults);
 * a result past Excel's largest number (about 1.8E+308: a total, the cost, the NPV, the ROI) is a
 * model error (`result-overflow`), located where the number that causes it is entered; of
 * elements that reach one another in a circle, one circle is reported per group; names with the
 * prefixes a file uses for Excel's own names (`_xlnm.`, `_xlfn.`…) are refused like TRUE.
 *
 * The base model is valid (a test says so); each case breaks it in one way. Locations:
 *   CVM_Variables at Inputs!B3:H6         header row 3; Miles row 4, LeakRate row 5, CostPerLeak row 6;
 *                                          B Name, C Value, D Unit, E Source, F Notes, G Low, H High
 *   CVM_Elements  at 'Value Model'!A1:I3   header row 1; Leak savings row 2, Crew time row 3;
 *                                          A Element, B Formula, C Id, D Stakeholder, E Category,
 *                                          F Confidence, G Ramp, H Assumptions, I Actual
 *   CVM_Settings  at Settings!D2:E7        header row 2; Customer row 3, Years row 4, DiscountRate row 5,
 *                                          Investment row 6, AnnualCost row 7; D Setting, E Value
 *   CVM_Stakeholders (in the cases that have one) at People!B2: header row 2, data row k on row 2+k;
 *                                          B Stakeholder, C Role, D Objective, E Metric, F Notes
 *   CVM_Actuals   at Results!B2 (when a case has one) header row 2, data from row 3;
 *                                          B Element, C Year, D Actual, E Source, F Date
 */
import type { CellAddress } from "../../src/core/workbook/address";
import type { CellValue, RangeInput, WorkbookInput } from "../../src/core/workbook/cells";
import type { SimulationSeed } from "../../src/devtools/simulation/excel";
import {
  at,
  element,
  ELEMENT_HEADER,
  ELEMENTS_SHEET,
  range,
  type Row,
  SETTINGS_SHEET,
  variable,
  VARIABLE_HEADER,
  VARIABLES_SHEET,
  workbook as build,
  type WorkbookParts,
} from "../core/model/helpers";
import { workbookOf, type WorkbookExtras } from "./workbook";

/** The kinds of hostile input the issue lists; every one has several cases. */
export const CATEGORIES = [
  "missing ranges",
  "missing or repeated headers",
  "names that look like cell references",
  "reserved words",
  "unknown names",
  "cycles",
  "text and error values where numbers belong",
  "empty ranges",
  "ranges pointing at deleted sheets",
  "formulas nested 10,000 deep",
  "100,000-character formulas",
  "numbers that overflow",
  "ramps that do not parse",
  "settings out of range",
  "names differing only by case",
  "broken stakeholder tables",
  "broken alternatives",
  "broken actuals tables",
] as const;
export type Category = (typeof CATEGORIES)[number];

export type RangeName = "CVM_Variables" | "CVM_Elements" | "CVM_Settings" | "CVM_Stakeholders" | "CVM_Actuals";

export interface ExpectedProblem {
  /** The rule (`Problem.code`). */
  readonly code: string;
  /** The named range the problem belongs to. */
  readonly range: RangeName;
  /** The cell the rule locates; null for a rule about a range as a whole (a missing or unreadable range). */
  readonly cell: CellAddress | null;
  /** What the sentence a sales engineer reads must say (the name or value at fault). */
  readonly message?: RegExp;
}

/** A model in the two shapes the adapters and the core take. */
export interface ModelSource {
  /** The model as the core receives it. Built on demand (a few cases are large) and kept. */
  readonly input: () => WorkbookInput;
  /** The same model as an .xlsx file. */
  readonly workbook: () => Promise<Uint8Array>;
  /**
   * What Excel would hold for the file, where the simulation cannot take it from the file as it
   * is. Only for names Excel itself never keeps as they are in the file (see the cases).
   */
  readonly excelSeed?: (seed: SimulationSeed) => SimulationSeed;
}

export interface HostileCase extends ModelSource {
  /** What is wrong, in plain English. */
  readonly name: string;
  readonly category: Category;
  /** Every one of these is reported (and no error of another rule). */
  readonly expected: readonly ExpectedProblem[];
  /** Exactly this many errors, where a flood is the danger. */
  readonly errors?: number;
  /** Milliseconds the core may take (generous: it catches hangs and blow-ups, it is no speed goal). */
  readonly boundMs: number;
  /** Milliseconds each adapter may take, reading the file included. */
  readonly adapterBoundMs: number;
}

// ---------------------------------------------------------------------------------------------
// The base model and its locations.

export const VARIABLES: readonly Row[] = [
  variable("Miles", 120, { unit: "mi", source: "Customer GIS", low: 100, high: 150 }),
  variable("LeakRate", 0.15, { unit: "leaks per mile" }),
  variable("CostPerLeak", 2000, { unit: "USD" }),
];
export const ELEMENTS: readonly Row[] = [
  element({
    element: "Leak savings",
    formula: "Miles*LeakRate*CostPerLeak",
    id: "LeakSavings",
    stakeholder: "CFO",
    category: "Cost",
    confidence: "green",
    ramp: "50%,100%",
  }),
  element({ element: "Crew time", formula: "Miles*10", id: "CrewTime", stakeholder: "Operations", confidence: "gray" }),
];
export const SETTINGS: readonly Row[] = [
  ["Customer", "Acme Pipelines"],
  ["Years", 3],
  ["DiscountRate", 0.1],
  ["Investment", 10000],
  ["AnnualCost", 1000],
];

export const V = (a1: string) => at(VARIABLES_SHEET, a1);
export const E = (a1: string) => at(ELEMENTS_SHEET, a1);
export const S = (a1: string) => at(SETTINGS_SHEET, a1);

/** The base model with some ranges replaced (`null` leaves a range out). */
export function model(parts: WorkbookParts = {}): WorkbookInput {
  return build(parts, { variables: VARIABLES, elements: ELEMENTS, settings: SETTINGS });
}

const withVariable = (row: Row): Row[] => [...VARIABLES, row];
const withElement = (row: Row): Row[] => [...ELEMENTS, row];
const replaceElement = (index: number, row: Row): Row[] => ELEMENTS.map((r, i) => (i === index ? row : r));
const replaceVariable = (index: number, row: Row): Row[] => VARIABLES.map((r, i) => (i === index ? row : r));
const settingsWith = (name: string, value: CellValue): Row[] => SETTINGS.map((r) => (r[0] === name ? [name, value] : r));
const crewTime = (formula: CellValue, more: Parameters<typeof element>[0] = {}): Row =>
  element({ element: "Crew time", formula, id: "CrewTime", stakeholder: "Operations", confidence: "gray", ...more });
const leakSavings = (more: Parameters<typeof element>[0]): Row =>
  element({
    element: "Leak savings",
    formula: "Miles*LeakRate*CostPerLeak",
    id: "LeakSavings",
    stakeholder: "CFO",
    category: "Cost",
    confidence: "green",
    ramp: "50%,100%",
    ...more,
  });

/** A range whose cell at (row, column) of the grid, 0-based, holds a real formula (typed without an apostrophe) and shows `shown`. */
function withFormulaCell(input: RangeInput, row: number, column: number, formula: string, shown: CellValue): RangeInput {
  const values = input.values.map((r, i) => (i === row ? r.map((v, j) => (j === column ? shown : v)) : r));
  const formulas = input.values.map((r, i) => (i === row ? r.map((v, j) => (j === column ? formula : v)) : r));
  return { address: input.address, values, formulas };
}

// ---------------------------------------------------------------------------------------------
// Building cases.

interface CaseSpec {
  readonly name: string;
  readonly category: Category;
  /** The base model's ranges replaced, or the whole input. */
  readonly model: WorkbookParts | (() => WorkbookInput);
  readonly expected: readonly ExpectedProblem[];
  readonly errors?: number;
  /** The file: by default the input's ranges where their addresses say, each behind its name. */
  readonly file?: { readonly input?: () => WorkbookInput; readonly extras?: WorkbookExtras };
  readonly excelSeed?: (seed: SimulationSeed) => SimulationSeed;
  /** A large case: more time, for the core and for the adapters. */
  readonly large?: boolean;
}

function memo<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

function hostile(spec: CaseSpec): HostileCase {
  const input = memo(typeof spec.model === "function" ? spec.model : () => model(spec.model as WorkbookParts));
  const fileInput = spec.file?.input ? memo(spec.file.input) : input;
  return {
    name: spec.name,
    category: spec.category,
    input,
    workbook: () => workbookOf(fileInput(), spec.file?.extras),
    ...(spec.excelSeed ? { excelSeed: spec.excelSeed } : {}),
    expected: spec.expected,
    ...(spec.errors === undefined ? {} : { errors: spec.errors }),
    boundMs: spec.large ? 5000 : 2000,
    adapterBoundMs: spec.large ? 30000 : 5000,
  };
}

const problem = (code: string, range: RangeName, cell: CellAddress | null, message?: RegExp): ExpectedProblem => ({
  code,
  range,
  cell,
  ...(message ? { message } : {}),
});
const ACTS = "CVM_Actuals";
export const A = (a1: string) => at("Results", a1);
const ACTUALS_HEADER: Row = ["Element", "Year", "Actual", "Source", "Date"];
/** The base model with CVM_Actuals at Results!B2 holding these rows (under `header`). */
const withActuals =
  (rows: readonly Row[], header: Row = ACTUALS_HEADER, parts: WorkbookParts = {}) =>
  (): WorkbookInput => ({ ...model(parts), actuals: range("Results", "B2", [header, ...rows]) });
const VARS = "CVM_Variables";
const ELS = "CVM_Elements";
const SETS = "CVM_Settings";
const STAKES = "CVM_Stakeholders";
const P = (a1: string) => at("People", a1);
const STAKEHOLDER_HEADER: Row = ["Stakeholder", "Role", "Objective", "Metric", "Notes"];
/** The base model with a CVM_Stakeholders range at People!B2 (header and rows as given). */
const withStakeholders =
  (rows: readonly Row[], header: Row = STAKEHOLDER_HEADER, parts: WorkbookParts = {}) =>
  (): WorkbookInput => ({ ...model(parts), stakeholders: range("People", "B2", [header, ...rows]) });
const CFO: Row = ["CFO", "Chief financial officer", "Lower operating cost", "Cost per barrel-mile", ""];
const OPERATIONS: Row = ["Operations", "VP Operations", "Keep the line running", "Unplanned downtime hours", ""];

/** The name of a workbook's range replaced by a raw reference (a deleted sheet, a table). */
function renamed(name: RangeName, refersTo: string, seedFormula?: string): Pick<CaseSpec, "file" | "excelSeed"> {
  const key = (
    {
      CVM_Variables: "variables",
      CVM_Elements: "elements",
      CVM_Settings: "settings",
      CVM_Stakeholders: "stakeholders",
      CVM_Actuals: "actuals",
    } as const
  )[name];
  return {
    file: { input: () => model(), extras: { unnamed: [key], names: [{ name, refersTo }] } },
    ...(seedFormula
      ? {
          excelSeed: (seed: SimulationSeed) => ({
            ...seed,
            names: (seed.names ?? []).map((n) => (n.name === name ? { name, formula: seedFormula } : n)),
          }),
        }
      : {}),
  };
}

/** `n` elements on the Elements range, row i (0-based) as `row(i)`, with the full header. */
function manyElements(n: number, row: (i: number) => Row): RangeInput {
  return range("'Value Model'", "A1", [ELEMENT_HEADER, ...Array.from({ length: n }, (_, i) => row(i))]);
}

const nested = (depth: number, open: string, inner: string, close = ")") => `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

// ---------------------------------------------------------------------------------------------
// The cases.

const cases: CaseSpec[] = [
  // --- missing ranges ------------------------------------------------------------------------
  {
    name: "the workbook has no CVM_Variables",
    category: "missing ranges",
    model: { variables: null },
    // Without the variables every name would look unknown: the one real problem is reported instead.
    expected: [problem("range-missing", VARS, null, /no named range CVM_Variables/)],
    errors: 1,
  },
  {
    name: "the workbook has no CVM_Elements",
    category: "missing ranges",
    model: { elements: null },
    expected: [problem("range-missing", ELS, null, /no named range CVM_Elements/)],
    errors: 1,
  },
  {
    name: "the workbook has none of the three ranges",
    category: "missing ranges",
    model: { variables: null, elements: null, settings: null },
    expected: [problem("range-missing", VARS, null), problem("range-missing", ELS, null)],
    errors: 2,
  },
  {
    name: "CVM_Variables is named only on its own sheet (a sheet-scoped name)",
    category: "missing ranges",
    model: { variables: null },
    file: {
      input: () => model(),
      extras: { unnamed: ["variables"], names: [{ name: "CVM_Variables", refersTo: "Inputs!$B$3:$H$6", localSheetId: 0 }] },
    },
    expected: [problem("range-missing", VARS, null)],
    errors: 1,
  },
  {
    name: "the variables are named CVM_Variable (one letter short)",
    category: "missing ranges",
    model: { variables: null },
    file: { input: () => model(), extras: { unnamed: ["variables"], names: [{ name: "CVM_Variable", refersTo: "Inputs!$B$3:$H$6" }] } },
    expected: [problem("range-missing", VARS, null, /CVM_Variables/)],
    errors: 1,
  },

  // --- missing or repeated headers ----------------------------------------------------------
  {
    name: "CVM_Variables has no Value column (it says Amount)",
    category: "missing or repeated headers",
    model: { variableHeader: ["Name", "Amount", "Unit", "Source", "Notes", "Low", "High"] },
    expected: [problem("column-missing", VARS, V("B3"), /no "Value" column/)],
    errors: 1,
  },
  {
    name: "CVM_Elements has no Formula column (it says Formulas)",
    category: "missing or repeated headers",
    model: { elementHeader: ["Element", "Formulas", "Id", "Stakeholder", "Category", "Confidence", "Ramp", "Assumptions", "Actual"] },
    expected: [problem("column-missing", ELS, E("A1"), /no "Formula" column/)],
    errors: 1,
  },
  {
    name: "CVM_Variables has the Name column twice",
    category: "missing or repeated headers",
    model: {
      variableHeader: ["Name", "Value", "Unit", "Source", "Notes", "Name", "High"],
      variables: VARIABLES.map((r) => r.map((v, i) => (i === 5 || i === 6 ? "" : v))),
    },
    expected: [problem("column-repeated", VARS, V("G3"), /"Name" appears twice/)],
    errors: 1,
  },
  {
    name: "CVM_Elements has the Element column twice",
    category: "missing or repeated headers",
    model: { elementHeader: ["Element", "Formula", "Id", "Stakeholder", "Element", "Confidence", "Ramp", "Assumptions", "Actual"] },
    expected: [problem("column-repeated", ELS, E("E1"), /"Element" appears twice/)],
    errors: 1,
  },
  {
    name: "CVM_Variables starts with a title row instead of its header",
    category: "missing or repeated headers",
    model: { variableHeader: ["Customer variables", "", "", "", "", "", ""], variables: [VARIABLE_HEADER, ...VARIABLES] },
    expected: [problem("column-missing", VARS, V("B3"), /no "Name" column/), problem("column-missing", VARS, V("B3"), /no "Value" column/)],
    errors: 2,
  },
  {
    name: "CVM_Settings has no Value column",
    category: "missing or repeated headers",
    model: { settingHeader: ["Setting", "Amount"] },
    expected: [problem("column-missing", SETS, S("D2"), /no "Value" column/)],
    errors: 1,
  },

  // --- names that look like cell references --------------------------------------------------
  {
    name: "a variable named A1",
    category: "names that look like cell references",
    model: { variables: withVariable(variable("A1", 5)) },
    expected: [problem("variable-name-illegal", VARS, V("B7"), /"A1" looks like a cell reference/)],
    errors: 1,
  },
  {
    name: "a variable named XFD1048576 (Excel's last cell)",
    category: "names that look like cell references",
    model: { variables: withVariable(variable("XFD1048576", 5)) },
    expected: [problem("variable-name-illegal", VARS, V("B7"), /looks like a cell reference/)],
    errors: 1,
  },
  {
    name: "a variable named R1C1",
    category: "names that look like cell references",
    model: { variables: withVariable(variable("R1C1", 5)) },
    expected: [problem("variable-name-illegal", VARS, V("B7"), /"R1C1" looks like a cell reference/)],
    errors: 1,
  },
  {
    name: "a variable named Q1 (a quarter, and column Q row 1)",
    category: "names that look like cell references",
    model: { variables: withVariable(variable("Q1", 5)) },
    expected: [problem("variable-name-illegal", VARS, V("B7"), /"Q1_value"/)],
    errors: 1,
  },
  {
    name: "an element id C3",
    category: "names that look like cell references",
    model: { elements: withElement(element({ element: "Audit fees", formula: "Miles*2", id: "C3", stakeholder: "CFO" })) },
    expected: [problem("element-id-illegal", ELS, E("C4"), /"C3" of "Audit fees" looks like a cell reference/)],
    errors: 1,
  },
  {
    name: "a formula that uses the cell B2 instead of a name",
    category: "names that look like cell references",
    model: { elements: replaceElement(1, crewTime("B2*10")) },
    expected: [problem("formula-unknown-name", ELS, E("B3"), /"B2", a cell reference/)],
    errors: 1,
  },
  {
    name: "a formula that uses Sheet1!A1",
    category: "names that look like cell references",
    model: { elements: replaceElement(1, crewTime("Sheet1!A1*10")) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /"!" .*not cell references/)],
    errors: 1,
  },

  // --- reserved words ----------------------------------------------------------------------
  {
    name: "a variable named TRUE",
    category: "reserved words",
    model: { variables: withVariable(variable("TRUE", 1)) },
    expected: [problem("variable-name-illegal", VARS, V("B7"), /"TRUE" is a logical value/)],
    errors: 1,
  },
  {
    name: "a variable named false, in lower case",
    category: "reserved words",
    model: { variables: withVariable(variable("false", 0)) },
    expected: [problem("variable-name-illegal", VARS, V("B7"), /"false" is a logical value/)],
    errors: 1,
  },
  {
    name: "a variable named CVM_NPV, a result the add-in writes",
    category: "reserved words",
    model: { variables: withVariable(variable("CVM_NPV", 1000)) },
    expected: [problem("variable-name-illegal", VARS, V("B7"), /"CVM_NPV" is a name the add-in uses/)],
    errors: 1,
  },
  {
    name: "an element id cvm_variables, the name of an input range",
    category: "reserved words",
    model: { elements: withElement(element({ element: "Audit fees", formula: "Miles*2", id: "cvm_variables", stakeholder: "CFO" })) },
    expected: [problem("element-id-illegal", ELS, E("C4"), /"cvm_variables" of "Audit fees" is a name the add-in uses/)],
    errors: 1,
  },
  {
    name: "a variable named _xlnm.Print_Area, how a file stores Excel's own print area",
    category: "reserved words",
    model: { variables: withVariable(variable("_xlnm.Print_Area", 1)) },
    expected: [problem("variable-name-illegal", VARS, V("B7"), /"_xlnm.Print_Area" begins with a prefix Excel keeps/)],
    errors: 1,
  },
  {
    name: "an element id _xlfn.XLOOKUP, how a file stores a newer function",
    category: "reserved words",
    model: { elements: withElement(element({ element: "Lookup", formula: "Miles*2", id: "_xlfn.XLOOKUP", stakeholder: "CFO" })) },
    expected: [problem("element-id-illegal", ELS, E("C4"), /begins with a prefix Excel keeps/)],
    errors: 1,
  },

  // --- unknown names -----------------------------------------------------------------------
  {
    name: "a misspelt variable (Mils)",
    category: "unknown names",
    model: { elements: replaceElement(1, crewTime("Mils*10")) },
    expected: [
      problem("formula-unknown-name", ELS, E("B3"), /"Mils", which is neither a variable nor an element id\. Did you mean Miles\?/),
    ],
    errors: 1,
  },
  {
    name: "a misspelt element id (LeakSaving)",
    category: "unknown names",
    model: { elements: replaceElement(1, crewTime("LeakSaving/2")) },
    expected: [problem("formula-unknown-name", ELS, E("B3"), /Did you mean LeakSavings\?/)],
    errors: 1,
  },
  {
    name: "a name far from every known name (Zzyzx)",
    category: "unknown names",
    model: { elements: replaceElement(1, crewTime("Zzyzx*2")) },
    expected: [problem("formula-unknown-name", ELS, E("B3"), /"Zzyzx".*Add it to CVM_Variables/)],
    errors: 1,
  },
  {
    name: "a function the add-in does not know (VLOOKUP)",
    category: "unknown names",
    model: { elements: replaceElement(1, crewTime("VLOOKUP(Miles,2,3)")) },
    expected: [problem("formula-unknown-function", ELS, E("B3"), /calls VLOOKUP, a function the add-in does not know/)],
    errors: 1,
  },
  {
    name: "a misspelt name in another script (Grösse for Größe)",
    category: "unknown names",
    model: { variables: withVariable(variable("Größe", 3)), elements: replaceElement(1, crewTime("Grösse*10")) },
    expected: [problem("formula-unknown-name", ELS, E("B3"), /Did you mean Größe\?/)],
    errors: 1,
  },
  {
    name: "2,000 misspelt names against 2,000 variables",
    category: "unknown names",
    model: () => ({
      variables: range("Inputs", "B3", [VARIABLE_HEADER, ...Array.from({ length: 2000 }, (_, i) => variable(`Reading_${i}_kwh`, i))]),
      elements: manyElements(2000, (i) => element({ element: `Meter ${i}`, formula: `Readng_${i}_kwh*2`, stakeholder: "CFO" })),
    }),
    // Every misspelling is reported; suggestions stop after a fixed amount of work (two minutes before).
    expected: [problem("formula-unknown-name", ELS, E("B2"), /"Readng_0_kwh".*Did you mean Reading_0_kwh\?/)],
    errors: 2000,
    large: true,
  },

  // --- cycles ------------------------------------------------------------------------------
  {
    name: "an element that uses itself",
    category: "cycles",
    model: { elements: withElement(element({ element: "Compound", formula: "SelfRef*1.1", id: "SelfRef", stakeholder: "CFO" })) },
    expected: [problem("element-cycle", ELS, E("B4"), /SelfRef → SelfRef/)],
    errors: 1,
  },
  {
    name: "two elements that use each other",
    category: "cycles",
    model: { elements: [leakSavings({ formula: "CrewTime*2" }), crewTime("LeakSavings/2")] },
    expected: [problem("element-cycle", ELS, E("B2"), /LeakSavings → CrewTime → LeakSavings/)],
    errors: 1,
  },
  {
    name: "a circle of three entered from an element outside it",
    category: "cycles",
    model: {
      elements: [
        leakSavings({ formula: "Loop_a+1" }),
        element({ element: "Loop a", formula: "Loop_b*2", id: "Loop_a", stakeholder: "CFO" }),
        element({ element: "Loop b", formula: "Loop_c/2", id: "Loop_b", stakeholder: "CFO" }),
        element({ element: "Loop c", formula: "Loop_a-1", id: "Loop_c", stakeholder: "CFO" }),
      ],
    },
    expected: [problem("element-cycle", ELS, E("B3"), /Loop_a → Loop_b → Loop_c → Loop_a\./)],
    errors: 1,
  },
  {
    name: "a circle only through an IF branch that is never taken",
    category: "cycles",
    model: { elements: [leakSavings({ formula: "IF(FALSE, CrewTime, Miles*LeakRate*CostPerLeak)" }), crewTime("LeakSavings/10")] },
    expected: [problem("element-cycle", ELS, E("B2"), /LeakSavings → CrewTime → LeakSavings/)],
    errors: 1,
  },
  {
    name: "a circle through 10,000 elements",
    category: "cycles",
    model: () => ({
      ...model(),
      elements: manyElements(10000, (i) =>
        element({ element: `Step ${i}`, formula: `Step_${(i + 1) % 10000}+1`, id: `Step_${i}`, stakeholder: "CFO" }),
      ),
    }),
    expected: [
      problem("element-cycle", ELS, E("B2"), /Step_0 → Step_1 → .*… \(9,992 more\) … → Step_9998 → Step_9999 → Step_0 \(10,000 elements\)/),
    ],
    errors: 1,
    large: true,
  },
  {
    name: "300 elements that all use one another",
    category: "cycles",
    model: () => {
      const ids = Array.from({ length: 300 }, (_, i) => `Part_${i}`);
      // Each uses all the others (not itself): 44,850 circles, of which one is worth reporting.
      return {
        ...model(),
        elements: manyElements(300, (i) =>
          element({ element: `Part ${i}`, formula: ids.filter((_, j) => j !== i).join("+"), id: ids[i], stakeholder: "CFO" }),
        ),
      };
    },
    expected: [problem("element-cycle", ELS, E("B2"), /Part_0 → Part_1 → Part_0/)],
    errors: 1,
    large: true,
  },

  // --- text and error values where numbers belong ---------------------------------------------
  {
    name: "a variable's value is the text lots",
    category: "text and error values where numbers belong",
    model: { variables: replaceVariable(0, variable("Miles", "lots", { low: 100, high: 150 })) },
    // Formulas that use Miles are not also told that Miles is unknown.
    expected: [problem("variable-value-not-number", VARS, V("C4"), /The value of Miles holds the text "lots"/)],
    errors: 1,
  },
  {
    name: "a variable's value is a number stored as text (1,200)",
    category: "text and error values where numbers belong",
    model: { variables: replaceVariable(2, variable("CostPerLeak", "1,200")) },
    expected: [problem("variable-value-not-number", VARS, V("C6"), /"1,200"/)],
    errors: 1,
  },
  {
    name: "a variable's value is the error #N/A",
    category: "text and error values where numbers belong",
    model: { variables: replaceVariable(1, variable("LeakRate", "#N/A")) },
    expected: [problem("variable-value-not-number", VARS, V("C5"), /holds the error #N\/A/)],
    errors: 1,
  },
  {
    name: "a variable's value is TRUE",
    category: "text and error values where numbers belong",
    model: { variables: replaceVariable(1, variable("LeakRate", true)) },
    expected: [problem("variable-value-not-number", VARS, V("C5"), /logical value TRUE/)],
    errors: 1,
  },
  {
    name: "a variable's Low is text and its High an error",
    category: "text and error values where numbers belong",
    model: { variables: replaceVariable(0, variable("Miles", 120, { low: "about 100", high: "#VALUE!" })) },
    expected: [
      problem("variable-low-not-number", VARS, V("G4"), /"about 100"/),
      problem("variable-high-not-number", VARS, V("H4"), /the error #VALUE!/),
    ],
    errors: 2,
  },
  {
    name: "an Actual that is the text n/a",
    category: "text and error values where numbers belong",
    model: { elements: replaceElement(1, crewTime("Miles*10", { actual: "n/a" })) },
    expected: [problem("element-actual-not-number", ELS, E("I3"), /The Actual of "Crew time" holds the text "n\/a"/)],
    errors: 1,
  },
  {
    name: "the Years setting is the text three",
    category: "text and error values where numbers belong",
    model: { settings: settingsWith("Years", "three") },
    expected: [problem("setting-years-invalid", SETS, S("E4"), /The setting Years holds the text "three"/)],
    errors: 1,
  },
  {
    name: "the Investment setting is the error #DIV/0!",
    category: "text and error values where numbers belong",
    model: { settings: settingsWith("Investment", "#DIV/0!") },
    expected: [problem("setting-investment-invalid", SETS, S("E6"), /the error #DIV\/0!/)],
    errors: 1,
  },
  {
    name: "an element whose formula gives text",
    category: "text and error values where numbers belong",
    model: { elements: replaceElement(1, crewTime('Miles&" miles"')) },
    expected: [problem("element-value-not-number", ELS, E("B3"), /gives the text "120 miles", not an amount of money/)],
    errors: 1,
  },
  {
    name: "an element whose real formula refers to a deleted cell (=#REF!*10)",
    category: "text and error values where numbers belong",
    model: () => {
      const base = model();
      return { ...base, elements: withFormulaCell(base.elements!, 2, 1, "=#REF!*10", "#REF!") };
    },
    expected: [problem("element-value-error", ELS, E("B3"), /"Crew time" gives #REF!/)],
    errors: 1,
  },

  // --- empty ranges ------------------------------------------------------------------------
  {
    name: "CVM_Variables points at empty cells",
    category: "empty ranges",
    model: {
      variables: [
        ["", "", "", "", "", "", ""],
        ["", "", "", "", "", "", ""],
      ],
      variableHeader: ["", "", "", "", "", "", ""],
    },
    expected: [problem("range-no-header", VARS, V("B3"), /has no header row/)],
    errors: 1,
  },
  {
    name: "CVM_Elements is its header alone",
    category: "empty ranges",
    model: { elements: [] },
    expected: [problem("elements-empty", ELS, E("A1"), /lists no value elements/)],
    errors: 1,
  },
  {
    name: "CVM_Elements is its header and blank rows",
    category: "empty ranges",
    model: { elements: [element({}), element({}), element({ element: " ", formula: "  " })] },
    expected: [problem("elements-empty", ELS, E("A1"))],
    errors: 1,
  },
  {
    name: "CVM_Settings points at empty cells",
    category: "empty ranges",
    model: { settings: [["", ""]], settingHeader: ["", ""] },
    expected: [problem("range-no-header", SETS, S("D2"))],
    errors: 1,
  },
  {
    name: "CVM_Variables is its header alone, and the formulas use its names",
    category: "empty ranges",
    model: { variables: [] },
    expected: [
      problem("formula-unknown-name", ELS, E("B2"), /"Miles", which is neither a variable nor an element id/),
      problem("formula-unknown-name", ELS, E("B3")),
    ],
    // Miles, LeakRate and CostPerLeak in Leak savings; Miles in Crew time.
    errors: 4,
  },
  {
    name: "CVM_Variables is one cell",
    category: "empty ranges",
    model: () => ({ ...model(), variables: range("Inputs", "B3", [["Name"]]) }),
    expected: [problem("column-missing", VARS, V("B3"), /no "Value" column/)],
    errors: 1,
  },

  // --- ranges pointing at deleted sheets ------------------------------------------------------
  {
    name: "CVM_Variables refers to #REF!$B$3:$H$6 (its sheet was deleted)",
    category: "ranges pointing at deleted sheets",
    model: () => ({ ...model(), variables: { address: "#REF!$B$3:$H$6", values: [] } }),
    expected: [problem("range-invalid", VARS, null, /CVM_Variables cannot be read: its sheet or cells were deleted/)],
    errors: 1,
  },
  {
    name: "CVM_Elements refers to #REF!",
    category: "ranges pointing at deleted sheets",
    model: () => ({ ...model(), elements: { address: "#REF!", values: [] } }),
    expected: [problem("range-invalid", ELS, null, /CVM_Elements cannot be read: its sheet or cells were deleted/)],
    errors: 1,
  },
  {
    name: "CVM_Settings refers to #REF!$D$2:$E$7 (settings are optional, a broken name is not)",
    category: "ranges pointing at deleted sheets",
    model: () => ({ ...model(), settings: { address: "#REF!$D$2:$E$7", values: [] } }),
    expected: [problem("range-invalid", SETS, null, /CVM_Settings cannot be read/)],
    errors: 1,
  },
  {
    name: "CVM_Variables refers to Inputs!#REF! (its rows were deleted)",
    category: "ranges pointing at deleted sheets",
    model: () => ({ ...model(), variables: { address: "Inputs!#REF!", values: [] } }),
    file: { extras: { sheets: ["Inputs"] } },
    expected: [problem("range-invalid", VARS, null, /its sheet or cells were deleted/)],
    errors: 1,
  },
  {
    name: "all three ranges are on a deleted sheet",
    category: "ranges pointing at deleted sheets",
    model: () => ({
      variables: { address: "#REF!$A$1:$B$4", values: [] },
      elements: { address: "#REF!$D$1:$E$3", values: [] },
      settings: { address: "#REF!$G$1:$H$3", values: [] },
    }),
    expected: [problem("range-invalid", VARS, null), problem("range-invalid", ELS, null), problem("range-invalid", SETS, null)],
    errors: 3,
  },
  {
    name: "CVM_Variables refers to a sheet the file does not have (Gone!$B$3:$H$6)",
    category: "ranges pointing at deleted sheets",
    // What a reader hands the core for it: the sheet is not there.
    model: () => ({ ...model(), variables: { address: "#REF!", values: [] } }),
    // Excel turns a deleted sheet's references into #REF! (the case above); a file from another
    // program may still name a sheet it does not have, and the add-in must not ask for its range.
    ...renamed("CVM_Variables", "Gone!$B$3:$H$6"),
    expected: [problem("range-invalid", VARS, null, /CVM_Variables cannot be read/)],
    errors: 1,
  },
  {
    name: "CVM_Elements refers to a table that no longer exists (OldElements[#All])",
    category: "ranges pointing at deleted sheets",
    model: () => ({ ...model(), elements: { address: "OldElements[#All]", values: [] } }),
    // Excel shows a name on a deleted table as =#REF!.
    ...renamed("CVM_Elements", "OldElements[#All]", "=#REF!"),
    expected: [problem("range-invalid", ELS, null, /CVM_Elements cannot be read/)],
    errors: 1,
  },

  // --- formulas nested 10,000 deep -----------------------------------------------------------
  {
    name: "10,000 parentheses around Miles",
    category: "formulas nested 10,000 deep",
    model: { elements: replaceElement(1, crewTime(nested(10000, "(", "Miles"))) },
    // 20,005 characters: past Excel's 8,192 before the depth is even looked at.
    expected: [
      problem(
        "element-formula-syntax",
        ELS,
        E("B3"),
        /"Crew time" cannot be read: The formula is 20,005 characters long; Excel allows at most 8,192\./,
      ),
    ],
    errors: 1,
  },
  {
    name: "10,000 nested IFs",
    category: "formulas nested 10,000 deep",
    model: { elements: replaceElement(1, crewTime(nested(10000, "IF(Miles>0,", "Miles", ",0)"))) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /characters long; Excel allows at most 8,192/)],
    errors: 1,
  },
  {
    name: "10,000 minus signs before Miles",
    category: "formulas nested 10,000 deep",
    model: { elements: replaceElement(1, crewTime(`${"-".repeat(10000)}Miles`)) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /10,005 characters long/)],
    errors: 1,
  },
  {
    name: "4,000 parentheses within Excel's length (past its 64 levels)",
    category: "formulas nested 10,000 deep",
    model: { elements: replaceElement(1, crewTime(nested(4000, "(", "Miles"))) },
    expected: [
      problem("element-formula-syntax", ELS, E("B3"), /more than 64 levels deep \(Excel's limit\); the 65th level opens at character 65\./),
    ],
    errors: 1,
  },
  {
    name: "1,600 nested ABS calls within Excel's length",
    category: "formulas nested 10,000 deep",
    model: { elements: replaceElement(1, crewTime(nested(1600, "ABS(", "Miles"))) },
    // The 65th "(" is the fourth character of the 65th ABS(: 64 × 4 + 4 = 260.
    expected: [problem("element-formula-syntax", ELS, E("B3"), /the 65th level opens at character 260\./)],
    errors: 1,
  },
  {
    name: "a chain of 10,000 elements, each using the next, the last dividing by zero",
    category: "formulas nested 10,000 deep",
    model: () => ({
      ...model(),
      elements: manyElements(10000, (i) =>
        element({ element: `Stage ${i}`, formula: i === 9999 ? "Miles/0" : `Stage_${i + 1}+1`, id: `Stage_${i}`, stakeholder: "CFO" }),
      ),
    }),
    // Only the first failure is worth reporting: the 9,999 elements that use it fail with it.
    expected: [problem("element-value-error", ELS, at(ELEMENTS_SHEET, "B10001"), /"Stage 9999" gives #DIV\/0!/)],
    errors: 1,
    large: true,
  },
  {
    name: "8,000 minus signs before a misspelt name",
    category: "formulas nested 10,000 deep",
    model: { elements: replaceElement(1, crewTime(`${"-".repeat(8000)}Mlies`)) },
    expected: [problem("formula-unknown-name", ELS, E("B3"), /"Mlies".*Did you mean Miles\?/)],
    errors: 1,
  },
  {
    name: "8,000 percent signs, then a division by zero",
    category: "formulas nested 10,000 deep",
    model: { elements: replaceElement(1, crewTime(`Miles${"%".repeat(8000)}/0`)) },
    expected: [problem("element-value-error", ELS, E("B3"), /#DIV\/0!/)],
    errors: 1,
  },

  // --- 100,000-character formulas --------------------------------------------------------------
  {
    name: "a 100,000-character sum of Miles",
    category: "100,000-character formulas",
    model: { elements: replaceElement(1, crewTime(`${"Miles+".repeat(16666)}Mile`)) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /The formula is 100,000 characters long; Excel allows at most 8,192\./)],
    errors: 1,
  },
  {
    name: "a formula that is one 100,000-character name",
    category: "100,000-character formulas",
    model: { elements: replaceElement(1, crewTime("M".repeat(100000))) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /100,000 characters long/)],
    errors: 1,
  },
  {
    name: "a real 100,000-character formula typed without an apostrophe",
    category: "100,000-character formulas",
    model: () => {
      const base = model();
      return { ...base, elements: withFormulaCell(base.elements!, 2, 1, `=${"Miles+".repeat(16666)}Mil`, "#NAME?") };
    },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /100,000 characters long/)],
    errors: 1,
  },
  {
    name: "a formula holding a 100,000-character text",
    category: "100,000-character formulas",
    model: { elements: replaceElement(1, crewTime(`"${"x".repeat(99998)}"`)) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /100,000 characters long/)],
    errors: 1,
  },
  {
    name: "a formula one character past Excel's 8,192",
    category: "100,000-character formulas",
    model: { elements: replaceElement(1, crewTime(`Miles${"+0".repeat(4094)}`)) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /8,193 characters long/)],
    errors: 1,
  },
  {
    name: "a formula within the length with a 300-character text in it",
    category: "100,000-character formulas",
    model: { elements: replaceElement(1, crewTime(`IF("${"x".repeat(300)}"="", 0, Miles)`)) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /is 300 characters long; Excel allows at most 255 in a formula/)],
    errors: 1,
  },
  {
    name: "a 100,000-character element name whose formula divides by zero",
    category: "100,000-character formulas",
    model: { elements: replaceElement(1, element({ element: "N".repeat(100000), formula: "Miles/0", stakeholder: "CFO" })) },
    // The name is quoted shortened: the sentence stays readable.
    expected: [problem("element-value-error", ELS, E("B3"), /"N{60}…" \(100,000 characters\) gives #DIV\/0!/)],
    errors: 1,
  },

  // --- numbers that overflow ------------------------------------------------------------------
  {
    name: "two elements of 1.5E+308, whose total overflows",
    category: "numbers that overflow",
    model: { variables: withVariable(variable("Huge", 1.5e308)), elements: [leakSavings({ formula: "Huge" }), crewTime("Huge")] },
    expected: [
      problem("result-overflow", ELS, E("B2"), /total annual value comes to more than Excel can hold.*"Leak savings", 1\.5E\+308/),
    ],
    errors: 1,
  },
  {
    name: "Investment and AnnualCost of 1E+308 over 30 years",
    category: "numbers that overflow",
    model: {
      settings: [
        ["Years", 30],
        ["Investment", 1e308],
        ["AnnualCost", 1e308],
      ],
    },
    expected: [problem("result-overflow", SETS, S("E5"), /total cost .* comes to more than Excel can hold/)],
    errors: 1,
  },
  {
    name: "a DiscountRate of -99.99% over 30 years",
    category: "numbers that overflow",
    model: {
      variables: withVariable(variable("Huge", 1e300)),
      elements: [leakSavings({ formula: "Huge" }), crewTime("Miles")],
      settings: [
        ["Years", 30],
        ["DiscountRate", -0.9999],
      ],
    },
    expected: [problem("result-overflow", SETS, S("E4"), /The NPV comes to more than Excel can hold.*DiscountRate of -0\.9999/)],
    errors: 1,
  },
  {
    name: "an Investment of 1E-305 makes the ROI overflow",
    category: "numbers that overflow",
    model: { settings: [["Investment", 1e-305]] },
    expected: [problem("result-overflow", SETS, S("E3"), /The ROI .* comes to more than Excel can hold/)],
    errors: 1,
  },
  {
    name: "a number in a formula past Excel's largest (1E+309)",
    category: "numbers that overflow",
    model: { elements: replaceElement(1, crewTime("Miles*1E+309")) },
    expected: [problem("element-formula-syntax", ELS, E("B3"), /The number 1E\+309 at character 7 is too large for Excel/)],
    errors: 1,
  },
  {
    name: "an element of Miles × 1E+308",
    category: "numbers that overflow",
    model: { elements: replaceElement(1, crewTime("Miles*1E+308")) },
    expected: [problem("element-value-error", ELS, E("B3"), /"Crew time" gives #NUM!/)],
    errors: 1,
  },
  {
    name: "POWER(10, 400)",
    category: "numbers that overflow",
    model: { elements: replaceElement(1, crewTime("POWER(10, 400)")) },
    expected: [problem("element-value-error", ELS, E("B3"), /#NUM!/)],
    errors: 1,
  },

  // --- ramps that do not parse ----------------------------------------------------------------
  {
    name: "a ramp of 40,80,100 (percentages without %)",
    category: "ramps that do not parse",
    model: { elements: replaceElement(1, crewTime("Miles*10", { ramp: "40,80,100" })) },
    expected: [problem("element-ramp-invalid", ELS, E("G3"), /The ramp of "Crew time": The ramp entry "40" is more than 1: write 40% /)],
    errors: 1,
  },
  {
    name: "a ramp of fast",
    category: "ramps that do not parse",
    model: { elements: replaceElement(1, crewTime("Miles*10", { ramp: "fast" })) },
    expected: [problem("element-ramp-invalid", ELS, E("G3"), /"fast" is not a percentage or a fraction/)],
    errors: 1,
  },
  {
    name: "a ramp with an empty entry (40%,,100%)",
    category: "ramps that do not parse",
    model: { elements: replaceElement(1, crewTime("Miles*10", { ramp: "40%,,100%" })) },
    expected: [problem("element-ramp-invalid", ELS, E("G3"), /empty entry/)],
    errors: 1,
  },
  {
    name: "a ramp past 100% (150%)",
    category: "ramps that do not parse",
    model: { elements: replaceElement(1, crewTime("Miles*10", { ramp: "50%,150%" })) },
    expected: [problem("element-ramp-invalid", ELS, E("G3"), /"150%" is outside 0% to 100%/)],
    errors: 1,
  },
  {
    name: "a ramp of -10%",
    category: "ramps that do not parse",
    model: { elements: replaceElement(1, crewTime("Miles*10", { ramp: "-10%,100%" })) },
    expected: [problem("element-ramp-invalid", ELS, E("G3"), /"-10%" is outside 0% to 100%/)],
    errors: 1,
  },
  {
    name: "a ramp entry of 1E+400% (infinite)",
    category: "ramps that do not parse",
    model: { elements: replaceElement(1, crewTime("Miles*10", { ramp: "40%,80%,1E+400%" })) },
    expected: [problem("element-ramp-invalid", ELS, E("G3"), /"1E\+400%" is outside 0% to 100%/)],
    errors: 1,
  },
  {
    name: "a 100,000-character ramp",
    category: "ramps that do not parse",
    model: { elements: replaceElement(1, crewTime("Miles*10", { ramp: "x".repeat(100000) })) },
    expected: [problem("element-ramp-invalid", ELS, E("G3"), /"x{60}…" \(100,000 characters\) is not a percentage/)],
    errors: 1,
  },

  // --- settings out of range ------------------------------------------------------------------
  {
    name: "Years 0",
    category: "settings out of range",
    model: { settings: settingsWith("Years", 0) },
    expected: [
      problem("setting-years-invalid", SETS, S("E4"), /The setting Years is 0: the horizon must be a whole number of years from 1 to 30/),
    ],
    errors: 1,
  },
  {
    name: "Years 31",
    category: "settings out of range",
    model: { settings: settingsWith("Years", 31) },
    expected: [problem("setting-years-invalid", SETS, S("E4"), /is 31/)],
    errors: 1,
  },
  {
    name: "Years 2.5",
    category: "settings out of range",
    model: { settings: settingsWith("Years", 2.5) },
    expected: [problem("setting-years-invalid", SETS, S("E4"), /whole number/)],
    errors: 1,
  },
  {
    name: "a DiscountRate of 1000% (10)",
    category: "settings out of range",
    model: { settings: settingsWith("DiscountRate", 10) },
    expected: [problem("setting-discountRate-invalid", SETS, S("E5"), /The setting DiscountRate is 10/)],
    errors: 1,
  },
  {
    name: "a DiscountRate of -100%",
    category: "settings out of range",
    model: { settings: settingsWith("DiscountRate", -1) },
    expected: [problem("setting-discountRate-invalid", SETS, S("E5"), /is -1/)],
    errors: 1,
  },
  {
    name: "a negative Investment",
    category: "settings out of range",
    model: { settings: settingsWith("Investment", -5) },
    expected: [problem("setting-investment-invalid", SETS, S("E6"), /cannot be negative/)],
    errors: 1,
  },
  {
    name: "a negative AnnualCost",
    category: "settings out of range",
    model: { settings: settingsWith("AnnualCost", -1000) },
    expected: [problem("setting-annualCost-invalid", SETS, S("E7"), /cannot be negative/)],
    errors: 1,
  },
  {
    name: "the currency US$",
    category: "settings out of range",
    model: { settings: [...SETTINGS, ["Currency", "US$"]] },
    expected: [problem("setting-currency-invalid", SETS, S("E8"), /"US\$" is not a three-letter ISO 4217 code/)],
    errors: 1,
  },

  // --- names differing only by case -----------------------------------------------------------
  {
    name: "variables Miles and MILES",
    category: "names differing only by case",
    model: { variables: withVariable(variable("MILES", 80)) },
    expected: [problem("name-duplicate", VARS, V("B7"), /"MILES" is already used by the variable Miles/)],
    errors: 1,
  },
  {
    name: "an element id miles beside the variable Miles",
    category: "names differing only by case",
    model: { elements: withElement(element({ element: "Mileage bonus", formula: "LeakRate*2", id: "miles", stakeholder: "CFO" })) },
    expected: [problem("name-duplicate", ELS, E("C4"), /"miles" is already used by the variable Miles/)],
    errors: 1,
  },
  {
    name: "element ids LeakSavings and LEAKSAVINGS",
    category: "names differing only by case",
    model: { elements: withElement(element({ element: "Leak savings again", formula: "Miles", id: "LEAKSAVINGS", stakeholder: "CFO" })) },
    expected: [problem("name-duplicate", ELS, E("C4"), /"LEAKSAVINGS" is already used by the element Leak savings/)],
    errors: 1,
  },
  {
    name: "variables Ärger and ÄRGER",
    category: "names differing only by case",
    model: { variables: [...withVariable(variable("Ärger", 1)), variable("ÄRGER", 2)] },
    expected: [problem("name-duplicate", VARS, V("B8"), /"ÄRGER" is already used by the variable Ärger/)],
    errors: 1,
  },
  {
    name: "the header has Value and VALUE",
    category: "names differing only by case",
    model: {
      variableHeader: ["Name", "Value", "Unit", "Source", "Notes", "VALUE", "High"],
      variables: VARIABLES.map((r) => r.map((v, i) => (i === 5 || i === 6 ? "" : v))),
    },
    expected: [problem("column-repeated", VARS, V("G3"), /"Value" appears twice/)],
    errors: 1,
  },
  {
    name: "the settings Years and YEARS",
    category: "names differing only by case",
    model: { settings: [...SETTINGS, ["YEARS", 5]] },
    expected: [problem("setting-repeated", SETS, S("D8"), /The setting YEARS is given twice/)],
    errors: 1,
  },

  // --- broken stakeholder tables (the value map, issue 16) -------------------------------------
  {
    name: "CVM_Stakeholders without a Stakeholder column",
    category: "broken stakeholder tables",
    model: withStakeholders([["VP Operations", "Keep the line running"]], ["Role", "Objective"]),
    expected: [problem("column-missing", STAKES, P("B2"), /CVM_Stakeholders has no "Stakeholder" column/)],
    errors: 1,
  },
  {
    name: "a stakeholder row with a role and an objective but no name",
    category: "broken stakeholder tables",
    model: withStakeholders([CFO, ["", "Plant manager", "No spills", "", ""], OPERATIONS]),
    expected: [problem("stakeholder-name-missing", STAKES, P("B4"), /names no stakeholder/)],
    errors: 1,
  },
  {
    name: "the stakeholder CFO listed twice, the second as cfo",
    category: "broken stakeholder tables",
    model: withStakeholders([CFO, OPERATIONS, [" cfo ", "Finance", "", "", ""]]),
    expected: [problem("stakeholder-repeated", STAKES, P("B5"), /"cfo" is already listed in row 3/)],
    errors: 1,
  },
  {
    name: "error values in a stakeholder's name and objective",
    category: "broken stakeholder tables",
    model: withStakeholders([CFO, ["Operations", "VP Operations", "#REF!", "", ""], ["#N/A", "", "", "", ""]]),
    expected: [
      problem("stakeholder-cell-error", STAKES, P("D4"), /holds #REF!/),
      problem("stakeholder-cell-error", STAKES, P("B5"), /holds #N\/A/),
    ],
    errors: 2,
  },
  {
    name: "CVM_Stakeholders refers to a deleted sheet",
    category: "broken stakeholder tables",
    model: () => ({ ...model(), stakeholders: { address: "#REF!$B$2:$F$4", values: [] } }),
    expected: [problem("range-invalid", STAKES, null, /CVM_Stakeholders cannot be read: its sheet or cells were deleted/)],
    errors: 1,
  },
  {
    name: "an element's Proposition holds #DIV/0!",
    category: "broken stakeholder tables",
    model: withStakeholders([CFO, OPERATIONS], STAKEHOLDER_HEADER, {
      elementHeader: [...ELEMENT_HEADER, "Proposition"],
      elements: [
        [...ELEMENTS[0]!, "#DIV/0!"],
        [...ELEMENTS[1]!, "fewer crew hours"],
      ],
    }),
    expected: [problem("element-proposition-error", ELS, E("J2"), /The proposition of "Leak savings" holds #DIV\/0!/)],
    errors: 1,
  },
  // --- broken alternatives (issue 16): the next-best alternative's settings, from row 8 ------------
  {
    name: "a negative AlternativeAnnualCost",
    category: "broken alternatives",
    model: { settings: [...SETTINGS, ["Alternative", "Manual patrols"], ["AlternativeAnnualCost", -120000]] },
    expected: [
      problem("setting-alternativeAnnualCost-invalid", SETS, S("E9"), /The setting AlternativeAnnualCost is -120000: .*cannot be negative/),
    ],
    errors: 1,
  },
  {
    name: "an AlternativeInvestment written as words",
    category: "broken alternatives",
    model: { settings: [...SETTINGS, ["AlternativeInvestment", "forty thousand"]] },
    expected: [problem("setting-alternativeInvestment-invalid", SETS, S("E8"), /AlternativeInvestment holds the text "forty thousand"/)],
    errors: 1,
  },
  {
    name: "an AlternativeInvestment that is the error #DIV/0!",
    category: "broken alternatives",
    model: { settings: [...SETTINGS, ["AlternativeInvestment", "#DIV/0!"]] },
    expected: [problem("setting-alternativeInvestment-invalid", SETS, S("E8"), /the error #DIV\/0!/)],
    errors: 1,
  },
  {
    name: "an Alternative that is the error #N/A",
    category: "broken alternatives",
    model: { settings: [...SETTINGS, ["Alternative", "#N/A"], ["AlternativeAnnualCost", 120000]] },
    expected: [problem("setting-alternative-invalid", SETS, S("E8"), /The setting Alternative holds the error #N\/A/)],
    errors: 1,
  },
  {
    name: "the alternative named twice",
    category: "broken alternatives",
    model: { settings: [...SETTINGS, ["Alternative", "Manual patrols"], ["alternative ", "Drones"]] },
    expected: [problem("setting-repeated", SETS, S("D9"), /The setting alternative is given twice/)],
    errors: 1,
  },
  {
    name: "an AlternativeAnnualCost of 1E+308 over 30 years",
    category: "broken alternatives",
    model: { settings: [...settingsWith("Years", 30), ["AlternativeAnnualCost", 1e308]] },
    expected: [problem("result-overflow", SETS, S("E8"), /The alternative's cost .* comes to more than Excel can hold/)],
    errors: 1,
  },

  // --- broken actuals tables (CVM_Actuals) ----------------------------------------------------
  {
    name: "an actual names an element the model does not have",
    category: "broken actuals tables",
    model: withActuals([["Pumps", 1, 5000, "Work orders", 46112]]),
    expected: [problem("actual-element-unknown", ACTS, A("B3"), /the Id or the name "Pumps"/)],
    errors: 1,
  },
  {
    name: "an actual names an element two elements share, without its Id",
    category: "broken actuals tables",
    model: withActuals([["crew time", 1, 5000, "", ""]], ACTUALS_HEADER, {
      elements: withElement(element({ element: "Crew Time", formula: "Miles*2", id: "CrewTime2", stakeholder: "Operations" })),
    }),
    expected: [problem("actual-element-ambiguous", ACTS, A("B3"), /2 elements are named "crew time"; write the Id/)],
    errors: 1,
  },
  {
    name: "an actual for year 0, and one for year 2.5",
    category: "broken actuals tables",
    model: withActuals([
      ["LeakSavings", 0, 5000, "", ""],
      ["LeakSavings", 2.5, 5000, "", ""],
    ]),
    expected: [
      problem("actual-year-invalid", ACTS, A("C3"), /the number 0, not a whole number/),
      problem("actual-year-invalid", ACTS, A("C4"), /the number 2.5, not a whole number/),
    ],
    errors: 2,
  },
  {
    name: "an actual written as text, and one stored as text",
    category: "broken actuals tables",
    model: withActuals([
      ["LeakSavings", 1, "about 5k", "", ""],
      ["CrewTime", 1, "5000", "", ""],
    ]),
    expected: [
      problem("actual-not-number", ACTS, A("D3"), /"about 5k"; enter a number/),
      problem("actual-not-number", ACTS, A("D4"), /a number stored as text/),
    ],
    errors: 2,
  },
  {
    name: "an actual and a date holding error values",
    category: "broken actuals tables",
    model: withActuals([
      ["LeakSavings", 1, "#DIV/0!", "", ""],
      ["CrewTime", 1, 700, "", "#REF!"],
    ]),
    expected: [
      problem("actual-cell-error", ACTS, A("D3"), /Actual cell holds the error #DIV\/0!/),
      problem("actual-cell-error", ACTS, A("F4"), /Date cell holds the error #REF!/),
    ],
    errors: 2,
  },
  {
    name: "the same element and year twice, once by Id and once by name",
    category: "broken actuals tables",
    model: withActuals([
      ["LeakSavings", 1, 5000, "", ""],
      ["Leak savings", 1, 300, "", ""],
    ]),
    expected: [problem("actual-repeated", ACTS, A("C4"), /already has an actual for year 1 \(row 3\)/)],
    errors: 1,
  },
  {
    name: "an actual whose Customer is the error #REF!: whose it is cannot be told",
    category: "broken actuals tables",
    model: withActuals([["LeakSavings", 1, 5000, "", "", "#REF!"]], [...ACTUALS_HEADER, "Customer"]),
    expected: [problem("actual-cell-error", ACTS, A("G3"), /This Customer cell holds the error #REF!/)],
    errors: 1,
  },
  {
    name: "an actuals table without a Year column",
    category: "broken actuals tables",
    model: withActuals([["LeakSavings", 5000]], ["Element", "Actual"]),
    expected: [problem("column-missing", ACTS, A("B2"), /CVM_Actuals has no "Year" column/)],
    errors: 1,
  },
  {
    name: "CVM_Actuals refers to #REF!$B$2:$F$4 (its sheet was deleted)",
    category: "broken actuals tables",
    model: () => ({ ...model(), actuals: { address: "#REF!$B$2:$F$4", values: [] } }),
    expected: [problem("range-invalid", ACTS, null, /CVM_Actuals cannot be read: its sheet or cells were deleted/)],
    errors: 1,
  },
];

export const CORPUS: readonly HostileCase[] = cases.map(hostile);

/** The valid model every case breaks: a build of it writes, so the tests' "nothing written" is no empty claim. */
export const BASE: ModelSource = { input: () => model(), workbook: () => workbookOf(model()) };
