import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { freeSheetName, missingInputs, planStarterModel, type StarterTable } from "../../../src/core/starter/starter-model";
import type { CellValue, WorkbookInput } from "../../../src/core/workbook/cells";
import { formatRange } from "../../../src/core/workbook/address";
import { PIPELINE_SAMPLE, PIPELINE_STARTER } from "../../../src/sample/pipeline-model";

const EMPTY = { sheets: ["Sheet1"], names: [], tables: [] };

/** The planned table as a range input, as the add-in would read it back once inserted. */
function asInput(table: StarterTable) {
  const values: CellValue[][] = table.rows.map((row) =>
    row.map((c) => (c === null ? "" : c.kind === "number" ? c.value : c.kind === "text" ? c.value : c.formula)),
  );
  const width = table.columnWidths.length;
  return { address: formatRange({ sheet: table.sheet, top: 0, left: 0, bottom: values.length - 1, right: width - 1 }), values };
}

function inputOf(tables: readonly StarterTable[]): WorkbookInput {
  return Object.fromEntries(tables.map((t) => [t.range, asInput(t)]));
}

describe("the starter model", () => {
  test("the sample goes into a workbook without a model as tables named as the contract's ranges, its optional ones too", () => {
    const outcome = planStarterModel("sample", EMPTY, PIPELINE_STARTER);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.tables.map((t) => [t.sheet, t.tableName])).toEqual([
      ["Variables", "CVM_Variables"],
      ["Elements", "CVM_Elements"],
      ["Settings", "CVM_Settings"],
      ["Stakeholders", "CVM_Stakeholders"],
      ["Actuals", "CVM_Actuals"],
    ]);
    // Read back, it is the bundled sample: the same model as the sample's own tables give.
    const inserted = analyzeWorkbook(inputOf(outcome.plan.tables));
    const bundled = analyzeWorkbook({
      variables: { address: "Variables!A1:G18", values: PIPELINE_SAMPLE.variables },
      elements: { address: "Elements!A1:J7", values: PIPELINE_SAMPLE.elements },
      settings: { address: "Settings!A1:B11", values: PIPELINE_SAMPLE.settings ?? [] },
      stakeholders: { address: "Stakeholders!A1:E5", values: PIPELINE_SAMPLE.stakeholders ?? [] },
      actuals: { address: "Actuals!A1:F12", values: PIPELINE_SAMPLE.actuals ?? [] },
    });
    expect(inserted.ok && bundled.ok).toBe(true);
    if (inserted.ok && bundled.ok) {
      expect(inserted.results.totals).toEqual(bundled.results.totals);
      expect(inserted.model.stakeholders).toHaveLength(4);
      expect(inserted.model.actuals).toHaveLength(11);
      expect(inserted.model.settings.alternative).toBe("manual patrols");
      // The sample opens without a warning: every listed stakeholder has an element, every element's stakeholder is listed.
      expect(inserted.problems).toEqual([]);
    }
  });

  test("the sample's measured results are money and dates in the table it inserts", () => {
    const outcome = planStarterModel("sample", EMPTY, PIPELINE_STARTER);
    if (!outcome.ok) throw new Error(outcome.message);
    const actuals = outcome.plan.tables.find((t) => t.range === "actuals")!;
    expect(actuals.rows[0]).toEqual(["Element", "Year", "Actual", "Source", "Date", "Customer"].map((value) => ({ kind: "text", value })));
    expect(actuals.numberFormats[1]).toEqual(["General", "General", "#,##0", "General", "yyyy-mm-dd", "General"]);
  });

  test("each inserted sheet prints its table one page wide, named at the top and numbered at the foot", () => {
    const outcome = planStarterModel("sample", EMPTY, PIPELINE_STARTER);
    if (!outcome.ok) throw new Error(outcome.message);
    const { pages } = outcome.plan.edit;
    expect(pages.map((p) => p.sheet)).toEqual(outcome.plan.tables.map((t) => t.sheet));
    const variables = pages[0]!.page;
    // Seven columns, two of them 48 characters wide: wider than a portrait page can print legibly.
    expect(variables).toMatchObject({ orientation: "landscape", fitToPagesWide: 1, breaksBefore: [] });
    expect(variables.printArea).toEqual({ firstRow: 0, firstColumn: 0, lastRow: 17, lastColumn: 6 });
    expect(variables.header.left).toBe("Variables");
    expect(variables.footer.center).toBe("Page &P of &N");
    // Two columns of settings fit a portrait page.
    expect(pages.find((p) => p.sheet === "Settings")!.page.orientation).toBe("portrait");
  });

  test("the sample's optional tables go only where the workbook has no range of that name; the skeleton inserts none", () => {
    const outcome = planStarterModel("sample", { sheets: ["Stakeholders"], names: ["CVM_Actuals"], tables: [] }, PIPELINE_STARTER);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.tables.map((t) => [t.sheet, t.tableName])).toEqual([
      ["Variables", "CVM_Variables"],
      ["Elements", "CVM_Elements"],
      ["Settings", "CVM_Settings"],
      ["CVM Stakeholders", "CVM_Stakeholders"],
    ]);
    const skeleton = planStarterModel("skeleton", EMPTY, PIPELINE_STARTER);
    expect(skeleton.ok && skeleton.plan.tables.map((t) => t.range)).toEqual(["variables", "elements", "settings"]);
  });

  test("every text of the sample is planned as text, numbers as numbers, shares with a percent format", () => {
    const outcome = planStarterModel("sample", EMPTY, PIPELINE_STARTER);
    if (!outcome.ok) throw new Error(outcome.message);
    const variables = outcome.plan.tables[0]!;
    expect(variables.rows[1]![0]).toEqual({ kind: "text", value: "PipelineMiles" });
    expect(variables.rows[1]![1]).toEqual({ kind: "number", value: 1200 });
    const wetShare = variables.rows.findIndex((r) => r[0]?.kind === "text" && r[0].value === "WetShare");
    expect(variables.numberFormats[wetShare]![1]).toBe("0%");
    expect(variables.numberFormats[0]!.every((f) => f === "General")).toBe(true);
    // No column of formulas: element formulas are the model's text, not Excel formulas.
    expect(outcome.plan.tables.flatMap((t) => t.rows.flat()).some((c) => c?.kind === "formula")).toBe(false);
  });

  test("the user's sheets are never written over: a taken name gets another", () => {
    const outcome = planStarterModel(
      "sample",
      { sheets: ["Variables", "cvm variables", "Elements"], names: [], tables: [] },
      PIPELINE_STARTER,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.tables.map((t) => t.sheet)).toEqual(["Variables 2", "CVM Elements", "Settings", "Stakeholders", "Actuals"]);
    expect(freeSheetName("Settings", ["settings", "cvm settings", "settings 2"])).toBe("Settings 3");
  });

  test("the skeleton adds only what is missing; its settings are the contract's defaults", () => {
    const outcome = planStarterModel(
      "skeleton",
      { sheets: ["Inputs"], names: ["CVM_Variables"], tables: ["cvm_elements"] },
      PIPELINE_STARTER,
    );
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.plan.tables.map((t) => t.tableName)).toEqual(["CVM_Settings"]);
    const settings = analyzeWorkbook({ ...inputOf(outcome.plan.tables) });
    // Variables and elements are missing in this input: the settings alone must raise no settings problem.
    expect(settings.problems.filter((p) => p.range === "CVM_Settings")).toEqual([]);
  });

  test("an empty skeleton reads as a model with no variables and no elements, not as broken tables", () => {
    const outcome = planStarterModel("skeleton", EMPTY, PIPELINE_STARTER);
    if (!outcome.ok) throw new Error(outcome.message);
    const analysis = analyzeWorkbook(inputOf(outcome.plan.tables));
    expect(analysis.problems.map((p) => p.code)).not.toContain("range-no-header");
    expect(analysis.problems.map((p) => p.code)).not.toContain("column-missing");
  });

  test("the sample is refused where part of a model exists, and nothing is planned where all of it does", () => {
    const partial = planStarterModel("sample", { sheets: [], names: ["cvm_variables"], tables: [] }, PIPELINE_STARTER);
    expect(partial).toEqual({ ok: false, message: expect.stringContaining("already has CVM_Variables") });
    const complete = planStarterModel(
      "skeleton",
      { sheets: [], names: ["CVM_Variables", "CVM_Elements"], tables: ["CVM_Settings"] },
      PIPELINE_STARTER,
    );
    expect(complete.ok).toBe(false);
    expect(missingInputs({ sheets: [], names: ["CVM_Elements"], tables: [] })).toEqual(["variables", "settings"]);
  });

  test("the edit adds each sheet visible, writes its table from A1 with a bold header, names the table, sets widths, shows the first", () => {
    const outcome = planStarterModel("skeleton", { sheets: ["Inputs"], names: ["CVM_Variables"], tables: [] }, PIPELINE_STARTER);
    if (!outcome.ok) throw new Error(outcome.message);
    const { edit, tables } = outcome.plan;
    expect(edit.addSheets).toEqual([
      { name: "Elements", visibility: "visible" },
      { name: "Settings", visibility: "visible" },
    ]);
    expect(edit.clear).toEqual([]);
    expect(edit.blocks).toEqual(tables.map((t) => ({ sheet: t.sheet, top: 0, left: 0, rows: t.rows, numberFormats: t.numberFormats })));
    expect(edit.bold).toEqual([
      { sheet: "Elements", top: 0, left: 0, rows: 1, columns: 9 },
      { sheet: "Settings", top: 0, left: 0, rows: 1, columns: 2 },
    ]);
    expect(edit.tables).toEqual([
      { name: "CVM_Elements", range: { sheet: "Elements", top: 0, left: 0, rows: 2, columns: 9 } },
      { name: "CVM_Settings", range: { sheet: "Settings", top: 0, left: 0, rows: 8, columns: 2 } },
    ]);
    // Settings: "DiscountRate" is the longest entry (12 characters) and widths are at least 10.
    expect(edit.columnWidths.filter((w) => w.sheet === "Settings")).toEqual([
      { sheet: "Settings", column: 0, width: 14 },
      { sheet: "Settings", column: 1, width: 10 },
    ]);
    expect(edit.activate).toBe("Elements");
  });
});
