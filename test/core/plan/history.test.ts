import { analyzeWorkbook } from "../../../src/core/model/analyze";
import { type ExistingWorkbook, planBuild, type PlanOutcome } from "../../../src/core/plan/build-plan";
import { excelSerialDate } from "../../../src/core/plan/formats";
import { describeRemoved } from "../../../src/core/plan/other-customers";
import { attributeHistory, belongsTo, HISTORY_COLUMN } from "../../../src/core/plan/history";
import type { SheetPlan, WorkbookPlan } from "../../../src/core/plan/types";
import type { CellValue, WorkbookInput } from "../../../src/core/workbook/cells";

/**
 * One customer per workbook: the history's entries belong to a customer, and a build for one
 * customer keeps only that customer's entries. The workbook here is a map of cells that applies
 * plans as both adapters do (clear the replaced columns, write the cells), so that builds follow
 * each other as they would in a file.
 */

const NOW = new Date(Date.UTC(2026, 10, 23, 12, 0));
const LATER = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
const LOG = "Assumptions Log";
const META = "CVM_Meta";

function input(customer: string, miles: number, rate = 0.15): WorkbookInput {
  return {
    variables: {
      address: "Inputs!A1:C3",
      values: [
        ["Name", "Value", "Unit"],
        ["Miles", miles, "miles"],
        ["Rate", rate, "share"],
      ],
    },
    elements: {
      address: "Elements!A1:C2",
      values: [
        ["Element", "Formula", "Actual"],
        ["Repairs", "Miles*Rate*100", ""],
      ],
    },
    settings: {
      address: "Settings!A1:B3",
      values: [
        ["Setting", "Value"],
        ["Customer", customer],
        ["Years", 3],
      ],
    },
  };
}

type Grid = Map<string, Map<string, CellValue>>;

/** A workbook's sheets as cells, to which plans are applied as the adapters apply them. */
class Workbook {
  readonly sheets: Grid = new Map();
  /** When false, the build is given no history block (an adapter that did not read it). */
  constructor(private readonly readHistory = true) {}

  existing(): ExistingWorkbook {
    const names = ["Inputs", "Elements", "Settings", ...this.sheets.keys()];
    const meta = this.rows(META, 0, 4);
    const log = this.rows(LOG, HISTORY_COLUMN, HISTORY_COLUMN + 6);
    return {
      sheets: names,
      names: [...this.ownNames],
      ...(meta.length > 0 ? { record: meta } : {}),
      ...(this.readHistory && log.length > 0 ? { history: { address: `'${LOG}'!M1:S${log.length}`, values: log } } : {}),
    };
  }

  private ownNames: { name: string; refersTo: string }[] = [];

  build(data: WorkbookInput, at = NOW): Extract<PlanOutcome, { ok: true }> {
    const analysis = analyzeWorkbook(data);
    if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
    const outcome = planBuild(analysis.model, analysis.results, this.existing(), at);
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join("\n"));
    this.apply(outcome.plan);
    return outcome;
  }

  apply(plan: WorkbookPlan): void {
    for (const s of plan.sheets) {
      const cells = this.sheets.get(s.name) ?? new Map<string, CellValue>();
      for (const key of [...cells.keys()]) {
        const column = Number(key.split(",")[1]);
        if (column >= s.replaceColumns.first && column <= s.replaceColumns.last) cells.delete(key);
      }
      for (const c of s.cells) cells.set(`${c.row},${c.column}`, c.content.kind === "formula" ? c.content.formula : c.content.value);
      this.sheets.set(s.name, cells);
    }
    this.ownNames = plan.names.map((n) => ({ name: n.name, refersTo: n.refersTo }));
  }

  /** Rows from the first, columns first..last, as a used range would hand them over. */
  rows(sheet: string, first: number, last: number): CellValue[][] {
    const cells = this.sheets.get(sheet);
    if (!cells) return [];
    const bottom = Math.max(
      -1,
      ...[...cells.keys()]
        .map((k) => k.split(",").map(Number))
        .filter(([, c]) => c! >= first && c! <= last)
        .map(([r]) => r!),
    );
    return Array.from({ length: bottom + 1 }, (_, r) =>
      Array.from({ length: last - first + 1 }, (_, c) => cells.get(`${r},${first + c}`) ?? ""),
    );
  }

  /** The history's entries, one array per row from row 5, Date left out (it only says when). */
  history(): CellValue[][] {
    return this.rows(LOG, HISTORY_COLUMN, HISTORY_COLUMN + 6)
      .slice(4)
      .map((r) => r.slice(1));
  }

  /** Every value on every sheet the add-in wrote. */
  everything(): CellValue[] {
    return [...this.sheets.values()].flatMap((cells) => [...cells.values()]);
  }
}

const mentions = (values: readonly CellValue[], text: string) =>
  values.some((v) => (typeof v === "string" ? v.toLowerCase().includes(text.toLowerCase()) : false));
const historySheet = (plan: WorkbookPlan): SheetPlan => plan.sheets.find((s) => s.name === LOG)!;

describe("the attribution of rows written before entries were tagged", () => {
  const row = (
    input: string,
    item: string,
    field: string,
    before: CellValue,
    after: CellValue,
    tag: CellValue = "",
    date = 46000,
  ): CellValue[] => [date, input, item, field, before, after, tag];
  const legacy = [
    row("Build", "First build", "", "", "1 variable recorded", "", 46000),
    row("Variable", "Miles", "Value", 1200, 1300, "", 46001),
    row("Variable", "Miles", "Value", 1300, 800, "", 46002),
    row("Setting", "Customer", "Value", "Acme", "Beta", "", 46002),
    row("Variable", "Miles", "Value", 800, 850, "", 46003),
  ];

  test("rows before a change of customer are the old customer's, rows after it the new one's; the change itself names both", () => {
    const attributed = attributeHistory(legacy, "Beta");
    expect(attributed.map((r) => r!.owner)).toEqual(["Acme", "Acme", "Acme", "Beta", "Beta"]);
    expect(attributed[3]!.mentions).toEqual(["Acme", "Beta"]);
    expect(attributed.map((r) => belongsTo(r!, "beta "))).toEqual([false, false, false, false, true]);
    expect(attributed.map((r) => belongsTo(r!, "ACME"))).toEqual([true, true, true, false, false]);
  });

  test("the rows written by the build that changed the customer hold the old customer's values: they name it too", () => {
    const attributed = attributeHistory([legacy[3]!, row("Variable", "Miles", "Value", 1300, 800, "", 46002), legacy[4]!], "Beta");
    expect(attributed.map((r) => r!.owner)).toEqual(["Beta", "Beta", "Beta"]);
    expect(attributed[1]!.mentions).toEqual(["Beta", "Acme"]);
    expect(attributed.map((r) => belongsTo(r!, "Beta"))).toEqual([false, false, true]);
  });

  test("with no change of customer, untagged rows are the customer's of the record's last build", () => {
    const attributed = attributeHistory([legacy[0]!, legacy[1]!], "Acme");
    expect(attributed.map((r) => r!.owner)).toEqual(["Acme", "Acme"]);
    expect(attributed.map((r) => r!.owner)).toEqual(["Acme", "Acme"]);
  });

  test("rows recorded before the customer had a name belong to the customer it was then named for", () => {
    const attributed = attributeHistory(
      [legacy[0]!, legacy[1]!, row("Setting", "Customer", "Value", "(none)", "Acme"), row("Variable", "Miles", "Value", 1300, 1400)],
      "Acme",
    );
    expect(attributed.map((r) => r!.owner)).toEqual(["Acme", "Acme", "Acme", "Acme"]);
    expect(attributed.every((r) => belongsTo(r!, "Acme"))).toBe(true);
  });

  test("a tag wins over the replay, and blank rows stay blank", () => {
    const attributed = attributeHistory(
      [row("Variable", "Miles", "Value", 1, 2, "Gamma"), undefined, row("Variable", "Miles", "Value", 2, 3)],
      "Acme",
    );
    expect(attributed.map((r) => r?.owner)).toEqual(["Gamma", undefined, "Acme"]);
  });
});

describe("a workbook rebuilt for the same customer keeps its history exactly", () => {
  test("each build only appends, below the rows already there, and tags its rows", () => {
    const book = new Workbook();
    book.build(input("Acme", 1200));
    const first = book.rows(LOG, HISTORY_COLUMN, HISTORY_COLUMN + 6);
    const second = book.build(input(" acme", 1300), LATER(1));
    const log = historySheet(second.plan);
    expect(log.replaceColumns.last).toBe(HISTORY_COLUMN - 1);
    // Only the new row is planned in the history's columns: nothing above it is written again.
    expect(new Set(log.cells.filter((c) => c.column >= HISTORY_COLUMN).map((c) => c.row))).toEqual(new Set([5, 6]));
    expect(second.removed).toEqual({ history: [] });
    const after = book.rows(LOG, HISTORY_COLUMN, HISTORY_COLUMN + 6);
    expect(after.slice(0, first.length)).toEqual(first);
    expect(book.history()).toEqual([
      ["Build", "First build", "", "", "2 variables, 1 elements recorded", "Acme"],
      ["Variable", "Miles", "Value", 1200, 1300, "acme"],
      ["Setting", "Customer", "Value", "Acme", "acme", "acme"],
    ]);
  });
});

describe("a workbook built for another customer", () => {
  const build = (readHistory = true) => {
    const book = new Workbook(readHistory);
    book.build(input("Acme Pipelines", 1234.5678));
    book.build(input("Acme Pipelines", 2345.6789, 0.2), LATER(1));
    const switched = book.build(input("Beta Gas", 800), LATER(2));
    return { book, switched };
  };

  test("keeps nothing of the first: its history starts with a build for the new customer", () => {
    const { book, switched } = build();
    expect(historySheet(switched.plan).replaceColumns.last).toBe(HISTORY_COLUMN + 6);
    expect(book.history()).toEqual([["Build", "First build for Beta Gas", "", "", "2 variables, 1 elements recorded", "Beta Gas"]]);
    for (const text of ["Acme", "1234.5678", "2345.6789"]) expect(mentions(book.everything().map(String), text)).toBe(false);
    expect(book.everything()).not.toContain(1234.5678);
    expect(book.everything()).not.toContain(2345.6789);
    expect(book.everything()).not.toContain(0.2);
    expect(switched.removed).toEqual({ history: [{ customer: "Acme Pipelines", entries: 3 }], recordOf: "Acme Pipelines" });
  });

  test("an adapter that did not read the history still leaves none of it", () => {
    const { book, switched } = build(false);
    expect(book.history()).toEqual([["Build", "First build for Beta Gas", "", "", "2 variables, 1 elements recorded", "Beta Gas"]]);
    expect(switched.removed.recordOf).toBe("Acme Pipelines");
  });

  test("then rebuilt for the new customer, appends again", () => {
    const { book } = build();
    const again = book.build(input("Beta Gas", 900), LATER(3));
    expect(historySheet(again.plan).replaceColumns.last).toBe(HISTORY_COLUMN - 1);
    expect(book.history().at(-1)).toEqual(["Variable", "Miles", "Value", 800, 900, "Beta Gas"]);
  });

  test("back to the first customer: its own earlier entries are kept, the other's go, and nothing is compared with the other's build", () => {
    const { book } = build();
    const back = book.build(input("acme pipelines", 1234.5678), LATER(3));
    expect(back.removed).toEqual({ history: [{ customer: "Beta Gas", entries: 1 }], recordOf: "Beta Gas" });
    // Acme's entries went with the build for Beta Gas: the workbook starts Acme's history again.
    expect(book.history()).toEqual([
      ["Build", "First build for acme pipelines", "", "", "2 variables, 1 elements recorded", "acme pipelines"],
    ]);
    expect(mentions(book.everything().map(String), "Beta")).toBe(false);
    expect(book.everything()).not.toContain(800);
  });

  test("an Actual's first-recorded date restarts with the new customer", () => {
    const withActual = (customer: string) => {
      const data = input(customer, 1000);
      return {
        ...data,
        elements: {
          address: "Elements!A1:C2",
          values: [
            ["Element", "Formula", "Actual"],
            ["Repairs", "Miles*Rate*100", 5000],
          ],
        },
      };
    };
    const book = new Workbook();
    book.build(withActual("Acme"));
    book.build(withActual("Beta"), LATER(10));
    const meta = book.rows(META, 0, 4).filter((r) => r[0] === "actual");
    expect(meta).toEqual([["actual", "Repairs", 5000, excelSerialDate(LATER(10)), ""]]);
    expect(book.history().map((r) => r.slice(0, 2))).toEqual([
      ["Build", "First build for Beta"],
      ["Element", "Repairs"],
    ]);
  });
});

describe("naming the customer is no switch", () => {
  test("from no customer to a named one, the history is kept and the naming recorded", () => {
    const book = new Workbook();
    book.build(input("", 1200));
    const named = book.build(input("Acme", 1300), LATER(1));
    expect(named.removed).toEqual({ history: [] });
    expect(book.history()).toEqual([
      ["Build", "First build", "", "", "2 variables, 1 elements recorded", ""],
      ["Variable", "Miles", "Value", 1200, 1300, "Acme"],
      ["Setting", "Customer", "Value", "(none)", "Acme", "Acme"],
    ]);
  });

  test("clearing the name is a switch to no customer: the named customer's entries go then", () => {
    const book = new Workbook();
    book.build(input("Acme", 1234.5678));
    const cleared = book.build(input("", 1300), LATER(1));
    expect(cleared.removed).toEqual({ history: [{ customer: "Acme", entries: 1 }], recordOf: "Acme" });
    book.build(input("Beta", 800), LATER(2));
    expect(mentions(book.everything().map(String), "Acme")).toBe(false);
    expect(book.everything()).not.toContain(1234.5678);
  });

  test("a history that names another customer while the last build had none (a build interrupted, an old workbook) is a switch", () => {
    const history = attributeHistory([[46000, "Variable", "Miles", "Value", 1, 2, "Acme"]], "");
    expect(history[0]!.owner).toBe("Acme");
    const book = new Workbook();
    book.build(input("", 1234.5678));
    book.sheets.get(LOG)!.set(`4,${HISTORY_COLUMN + 6}`, "Acme");
    const named = book.build(input("Beta", 800), LATER(1));
    expect(named.removed).toEqual({ history: [{ customer: "Acme", entries: 1 }], recordOf: "" });
    expect(book.history()).toEqual([["Build", "First build for Beta", "", "", "2 variables, 1 elements recorded", "Beta"]]);
  });
});

describe("a workbook built before entries were tagged", () => {
  /** The history as the add-in wrote it before: six columns, no tags. */
  function legacyBook(rows: CellValue[][], recordCustomer: string, miles = 800): Workbook {
    const book = new Workbook();
    book.build(input(recordCustomer, miles));
    const log = book.sheets.get(LOG)!;
    for (const key of [...log.keys()]) if (Number(key.split(",")[1]) >= HISTORY_COLUMN) log.delete(key);
    ["Date", "Input", "Item", "Field", "Before", "After"].forEach((h, c) => log.set(`3,${HISTORY_COLUMN + c}`, h));
    rows.forEach((r, i) => r.forEach((v, c) => v !== "" && log.set(`${4 + i},${HISTORY_COLUMN + c}`, v)));
    const meta = book.sheets.get(META)!;
    for (const [key, value] of meta) if (value === "historyRows") meta.set(`${key.split(",")[0]},1`, rows.length);
    return book;
  }
  const rows: CellValue[][] = [
    [46000, "Build", "First build", "", "", "2 variables, 1 elements recorded"],
    [46001, "Variable", "Miles", "Value", 1200, 1234.5678],
    [46002, "Setting", "Customer", "Value", "Acme", "Beta"],
    [46002, "Variable", "Miles", "Value", 1234.5678, 800],
  ];

  test("rebuilds for the same customer by appending, with the Customer header added and the old rows left as they are", () => {
    const book = legacyBook(rows.slice(0, 2), "Acme");
    const before = book.rows(LOG, HISTORY_COLUMN, HISTORY_COLUMN + 5);
    const rebuilt = book.build(input("Acme", 1300), LATER(5));
    const log = historySheet(rebuilt.plan);
    expect(log.replaceColumns.last).toBe(HISTORY_COLUMN - 1);
    expect(log.cells.filter((c) => c.column >= HISTORY_COLUMN && c.row < 6).map((c) => [c.row, c.column, c.content])).toEqual([
      [3, HISTORY_COLUMN + 6, { kind: "text", value: "Customer" }],
    ]);
    expect(
      book
        .rows(LOG, HISTORY_COLUMN, HISTORY_COLUMN + 5)
        .slice(0, before.length)
        .slice(4),
    ).toEqual(before.slice(4));
    expect(book.history().at(-1)).toEqual(["Variable", "Miles", "Value", 800, 1300, "Acme"]);
  });

  test("rebuilt for the customer it was switched to, drops the other's rows, the switch's own rows (they hold the other's values) included", () => {
    const book = legacyBook([...rows, [46003, "Variable", "Miles", "Value", 800, 850]], "Beta", 850);
    const rebuilt = book.build(input("Beta", 850), LATER(5));
    expect(rebuilt.removed).toEqual({ history: [{ customer: "Acme", entries: 4 }] });
    expect(book.history()).toEqual([["Variable", "Miles", "Value", 800, 850, "Beta"]]);
    expect(book.everything()).not.toContain(1234.5678);
    expect(mentions(book.everything().map(String), "Acme")).toBe(false);
  });
});

describe("what was removed, in words", () => {
  test("profiles, history entries by customer and the record, in one sentence; nothing when nothing was", () => {
    expect(describeRemoved({ profiles: ["Acme", "Crane"], history: [{ customer: "Acme", entries: 12 }], recordOf: "Acme" })).toBe(
      "Removed the profiles of Acme and Crane, 12 history entries of Acme, and Acme's inputs from the build record.",
    );
    expect(describeRemoved({ profiles: ["Beta Gas"], history: [{ customer: "", entries: 1 }], recordOf: "" })).toBe(
      "Removed the profile of Beta Gas, 1 history entry recorded without a customer name, and the inputs of the last build (made without a customer name) from the build record.",
    );
    expect(describeRemoved({ recordOf: "Atlas" }, "Then it removes")).toBe("Then it removes Atlas' inputs from the build record.");
    expect(describeRemoved({ profiles: [], history: [] })).toBeUndefined();
  });
});
