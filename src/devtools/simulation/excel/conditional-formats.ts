/** Conditional formats: only the "Custom" type (a formula rule with font and fill), which the add-in uses. */
import { removeConditionalFormats } from "./cells";
import { SimulationError } from "./errors";
import { type Properties, SimObject } from "./proxy";
import { normalizeColor } from "./range-format";
import type { ConditionalFormatState, RangeTarget } from "./state";

type ConditionalFormatType = Parameters<Excel.ConditionalFormatCollection["add"]>[0];

export class SimConditionalFormatCollection
  extends SimObject<Excel.ConditionalFormatCollection, RangeTarget>
  implements Pick<Excel.ConditionalFormatCollection, "add" | "clearAll">
{
  protected readonly typeName = "ConditionalFormatCollection";
  protected readonly properties: Properties<RangeTarget> = {};

  add(
    type:
      | ConditionalFormatType
      | "Custom"
      | "DataBar"
      | "ColorScale"
      | "IconSet"
      | "TopBottom"
      | "PresetCriteria"
      | "ContainsText"
      | "CellValue",
  ): Excel.ConditionalFormat {
    const kind = String(type);
    const create = (target: RangeTarget): ConditionalFormatState => {
      if (kind !== "Custom") throw new SimulationError(`Conditional formats of type ${kind} are not simulated`);
      const format: ConditionalFormatState = { areas: [target.rect] };
      target.sheet.conditionalFormats.push(format);
      return format;
    };
    return this.added([kind], create, (link) => new SimConditionalFormat(link).asReal());
  }

  /** Removes conditional formatting from the range's cells; formats reaching beyond it keep the rest. */
  clearAll(): void {
    this.invoke("clearAll", [], (target) => removeConditionalFormats(target));
  }
}

type Part<Real> = SimObject<Real, ConditionalFormatState>;

export class SimConditionalFormat
  extends SimObject<Excel.ConditionalFormat, ConditionalFormatState>
  implements Pick<Excel.ConditionalFormat, "custom" | "load">
{
  protected readonly typeName = "ConditionalFormat";
  protected readonly properties: Properties<ConditionalFormatState> = {};
  private customProxy?: SimCustomConditionalFormat;

  get custom(): Excel.CustomConditionalFormat {
    return (this.customProxy ??= new SimCustomConditionalFormat(this.part("custom"))).asReal();
  }
}

export class SimCustomConditionalFormat
  extends SimObject<Excel.CustomConditionalFormat, ConditionalFormatState>
  implements Pick<Excel.CustomConditionalFormat, "rule" | "format" | "load">
{
  protected readonly typeName = "CustomConditionalFormat";
  protected readonly properties: Properties<ConditionalFormatState> = {};
  private ruleProxy?: SimConditionalFormatRule;
  private formatProxy?: SimConditionalRangeFormat;

  get rule(): Excel.ConditionalFormatRule {
    return (this.ruleProxy ??= new SimConditionalFormatRule(this.part("rule"))).asReal();
  }

  get format(): Excel.ConditionalRangeFormat {
    return (this.formatProxy ??= new SimConditionalRangeFormat(this.part("format"))).asReal();
  }
}

export class SimConditionalFormatRule
  extends SimObject<Excel.ConditionalFormatRule, ConditionalFormatState>
  implements Pick<Excel.ConditionalFormatRule, "formula" | "load">
{
  protected readonly typeName = "ConditionalFormatRule";
  protected readonly properties: Properties<ConditionalFormatState> = { formula: (format) => format.formula ?? "" };

  get formula(): string {
    return this.loadedValue("formula");
  }

  set formula(value: string) {
    this.assign("formula", value, (format, v) => (format.formula = v));
  }
}

export class SimConditionalRangeFormat
  extends SimObject<Excel.ConditionalRangeFormat, ConditionalFormatState>
  implements Pick<Excel.ConditionalRangeFormat, "font" | "fill" | "load">
{
  protected readonly typeName = "ConditionalRangeFormat";
  protected readonly properties: Properties<ConditionalFormatState> = {};
  private fontProxy?: Part<Excel.ConditionalRangeFont>;
  private fillProxy?: Part<Excel.ConditionalRangeFill>;

  get font(): Excel.ConditionalRangeFont {
    return (this.fontProxy ??= new SimConditionalRangeFont(this.part("font"))).asReal();
  }

  get fill(): Excel.ConditionalRangeFill {
    return (this.fillProxy ??= new SimConditionalRangeFill(this.part("fill"))).asReal();
  }
}

/** Unset means the rule leaves the cell's own format alone; Excel reports that as null. */
export class SimConditionalRangeFont
  extends SimObject<Excel.ConditionalRangeFont, ConditionalFormatState>
  implements Pick<Excel.ConditionalRangeFont, "bold" | "color" | "load">
{
  protected readonly typeName = "ConditionalRangeFont";
  protected readonly properties: Properties<ConditionalFormatState> = { bold: (f) => f.bold ?? null, color: (f) => f.fontColor ?? null };

  get bold(): boolean {
    return this.loadedValue("bold");
  }

  set bold(value: boolean) {
    this.assign("bold", value, (format, v) => (format.bold = v));
  }

  get color(): string {
    return this.loadedValue("color");
  }

  set color(value: string) {
    this.assign("color", value, (format, v) => (format.fontColor = normalizeColor(v)));
  }
}

export class SimConditionalRangeFill
  extends SimObject<Excel.ConditionalRangeFill, ConditionalFormatState>
  implements Pick<Excel.ConditionalRangeFill, "color" | "load">
{
  protected readonly typeName = "ConditionalRangeFill";
  protected readonly properties: Properties<ConditionalFormatState> = { color: (f) => f.fill ?? null };

  get color(): string {
    return this.loadedValue("color");
  }

  set color(value: string) {
    this.assign("color", value, (format, v) => (format.fill = normalizeColor(v)));
  }
}
