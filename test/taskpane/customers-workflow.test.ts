import { refusal, type SwitchPlan } from "../../src/core/profiles";
import { names, saveQuestion, savedStateText, START, step, switchedText, type WorkflowState } from "../../src/taskpane/customers/workflow";

const cell = (row: number) => ({ sheet: "Inputs", row, column: 1 });
const PLAN: SwitchPlan = {
  profile: "Globex",
  changes: [{ name: "Miles", cell: cell(1), from: 1200, to: 800 }],
  unchanged: [],
  formulas: [],
  notInProfile: [],
  ignored: [],
  customer: { kind: "write", cell: cell(9), from: "Acme", to: "Globex" },
  lost: [],
  activeCell: { sheet: "CVM_Profiles", row: 2, column: 1 },
};
const run = (...events: Parameters<typeof step>[1][]): WorkflowState => events.reduce(step, START);

describe("the customers workflow", () => {
  test("a switch whose values are all saved goes straight to the review", () => {
    expect(run({ type: "switch-previewed", plan: PLAN }).asking).toEqual({ kind: "review", plan: PLAN });
  });

  test("a switch that would lose values asks first; Save them first closes the question and says which profile to switch to after", () => {
    const losing: SwitchPlan = { ...PLAN, lost: [{ name: "Miles", cell: cell(1), from: 1200, to: 800 }] };
    const asked = run({ type: "switch-previewed", plan: losing });
    expect(asked.asking).toEqual({ kind: "unsaved", plan: losing });
    const later = step(asked, { type: "save-first", plan: losing });
    expect(later.asking).toBeUndefined();
    expect(later.saveFirst).toBe("Globex");
  });

  test("a lost Customer setting alone is reason enough to ask", () => {
    const losing: SwitchPlan = { ...PLAN, lostCustomer: { cell: cell(9), from: "Initech" } };
    expect(run({ type: "switch-previewed", plan: losing }).asking?.kind).toBe("unsaved");
  });

  test("a preview clears what the last action said; a write keeps it until its own answer, and closes the question", () => {
    const said = run({ type: "done", text: "Deleted the profile Acme." }, { type: "ask", asking: { kind: "delete", name: "Beta" } });
    expect(step(said, { type: "begin", fresh: true }).said).toBeUndefined();
    const writing = step(said, { type: "begin", fresh: false });
    expect(writing).toMatchObject({ busy: true, said: { intent: "success", text: "Deleted the profile Acme." } });
    expect(writing.asking).toBeUndefined();
    expect(step(writing, { type: "end" }).busy).toBe(false);
  });

  test("a save refused for a taken name or another customer becomes a question; a bad name goes under the field; anything else is said", () => {
    const base = { name: " Globex ", replace: false, customer: " Acme " };
    expect(run({ type: "save-refused", refusal: refusal("replace", "taken"), ...base }).asking).toEqual({
      kind: "replace",
      name: " Globex ",
      existing: "Globex",
    });
    expect(run({ type: "save-refused", refusal: refusal("customer", "other"), ...base }).asking).toEqual({
      kind: "customer",
      name: "Globex",
      replace: false,
      now: "Acme",
    });
    const named = run({ type: "save-refused", refusal: refusal("name", "A profile name cannot be empty."), ...base });
    expect(named.nameError).toBe("A profile name cannot be empty.");
    expect(named.said).toBeUndefined();
    expect(run({ type: "save-refused", refusal: refusal("changed", "The sheet changed."), ...base }).said).toEqual({
      intent: "error",
      title: "Nothing was saved.",
      text: "The sheet changed.",
      problems: [],
    });
  });

  test("Excel throwing is said as Excel refusing the request", () => {
    expect(run({ type: "excel-refused", message: "RichApi.Error" }).said).toEqual({
      intent: "error",
      title: "Excel refused the request.",
      text: "RichApi.Error",
      problems: [],
    });
  });

  test("saving under a name that differs only in case asks to replace the saved profile, spelled as saved", () => {
    expect(saveQuestion("globex", [{ name: "Acme" }, { name: "Globex" }])).toEqual({ kind: "replace", name: "globex", existing: "Globex" });
    expect(saveQuestion("Initech", [{ name: "Acme" }])).toBeUndefined();
  });

  test("what a switch did, and whether the current values are saved, in sentences", () => {
    expect(switchedText(PLAN)).toBe(
      "Switched to Globex: 1 value written, and the Customer set to Globex. Build again so that the Value Summary's sensitivity and the Assumptions Log record this customer.",
    );
    expect(switchedText({ ...PLAN, changes: [], customer: { kind: "same", cell: cell(9), to: "Globex" } })).toBe(
      "Switched to Globex: no value needed changing. Build again so that the Value Summary's sensitivity and the Assumptions Log record this customer.",
    );
    expect(savedStateText({ kind: "saved", profile: "Acme" })).toBe("The current values are saved as Acme.");
    expect(names(["A", "B", "C", "D", "E", "F", "G"])).toBe("A, B, C, D, E and 2 more");
  });
});
