/** Workbook-scoped defined names. */
import { formatAddress } from "./addresses";
import { addName } from "./document";
import { SimulationError } from "./errors";
import { nameFormula, nameTarget, nameType } from "./names";
import { type Link, type Properties, SimCollection, SimObject, simulated } from "./proxy";
import { SimRange } from "./range";
import type { Execution } from "./requests";
import type { NameState, WorkbookState } from "./state";

export class SimNamedItemCollection
  extends SimCollection<Excel.NamedItemCollection, Excel.NamedItem, WorkbookState, NameState>
  implements Pick<Excel.NamedItemCollection, "items" | "load" | "add" | "getItem" | "getItemOrNullObject">
{
  protected readonly typeName = "NamedItemCollection";
  protected readonly itemKind = "name";

  protected entries(state: WorkbookState): readonly NameState[] {
    return state.names;
  }

  protected make(link: Link<NameState>): SimNamedItem {
    return new SimNamedItem(link);
  }

  /** `reference` is a formula such as `='Value Summary'!$F$5`, or a range (named absolutely). */
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    const target = typeof reference === "string" ? reference : simulated(reference, SimRange, "the name's range");
    return this.added(
      [name, target, comment],
      (state, run) =>
        addName(state, name, typeof target === "string" ? nameFormula(target) : absoluteReference(target, run), comment ?? ""),
      (link) => new SimNamedItem(link).asReal(),
      "1.4",
    );
  }
}

function absoluteReference(range: SimRange, run: Execution): string {
  const { sheet, rect } = range.resolve(run);
  return `=${formatAddress(sheet.name, rect, true)}`;
}

export class SimNamedItem
  extends SimObject<Excel.NamedItem, NameState>
  implements Pick<Excel.NamedItem, "name" | "type" | "formula" | "visible" | "delete" | "getRange" | "load" | "isNullObject">
{
  protected readonly typeName = "NamedItem";
  protected readonly properties: Properties<NameState> = {
    name: (name) => name.name,
    type: (name) => {
      if (name.type === undefined)
        throw new SimulationError(
          `The type of the name ${name.name} (${name.formula}) depends on a calculation the simulation does not do`,
        );
      return name.type;
    },
    formula: { read: (name) => name.formula, since: "1.7" },
    visible: (name) => name.visible,
  };

  protected override exists(name: NameState, state: WorkbookState): boolean {
    return state.names.includes(name);
  }

  get name(): string {
    return this.loadedValue("name");
  }

  get type(): Excel.NamedItem["type"] {
    return this.loadedValue("type");
  }

  /** Setting it repoints the name. */
  get formula(): string {
    return this.loadedValue("formula");
  }

  set formula(value: string) {
    this.assign(
      "formula",
      value,
      (name, v) => {
        name.formula = nameFormula(String(v));
        name.type = nameType(name.formula);
      },
      "1.7",
    );
  }

  get visible(): boolean {
    return this.loadedValue("visible");
  }

  set visible(value: boolean) {
    this.assign("visible", value, (name, v) => (name.visible = v));
  }

  delete(): void {
    this.invoke("delete", [], (name, run) => run.state.names.splice(run.state.names.indexOf(name), 1), "1.4");
  }

  getRange(): Excel.Range {
    return new SimRange(
      this.link(this.path.method("getRange", []), (name, run) => nameTarget(run.state, name.name, name.formula)),
    ).asReal();
  }
}
