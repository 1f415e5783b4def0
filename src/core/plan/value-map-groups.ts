import { MAX_TEXT_VALUE_LENGTH } from "../formula/evaluate";
import type { Results } from "../model/compute";
import type { Element, Stakeholder, ValueModel } from "../model/types";
import type { CachedValue } from "./types";
import { moneyText } from "./money-text";

/** A stakeholder of the Value Map and the elements whose value accrues to them, by index into the results. */
export interface MapGroup {
  /** As `CVM_Stakeholders` spells it, else as the first element naming them does; "" for elements that name nobody. */
  readonly stakeholder: string;
  /** Their row of `CVM_Stakeholders`; absent for a stakeholder only the elements name. */
  readonly listed?: Stakeholder;
  readonly members: readonly number[];
}

/**
 * Who the value is for, in the order an executive reads the map: the stakeholders as
 * `CVM_Stakeholders` lists them (the author's order, with no value as well), then those only the
 * elements name, in the order of the elements, then the elements that name nobody. Names are
 * matched trimmed and ignoring case, as the Value Summary groups them.
 */
export function valueMapGroups(model: ValueModel): MapGroup[] {
  const groups = new Map<string, { stakeholder: string; listed?: Stakeholder; members: number[] }>();
  for (const listed of model.stakeholders ?? [])
    groups.set(listed.stakeholder.toLowerCase(), { stakeholder: listed.stakeholder, listed, members: [] });
  const unnamed: number[] = [];
  model.elements.forEach((e, index) => {
    const name = e.stakeholder.trim();
    if (name === "") {
      unnamed.push(index);
      return;
    }
    const key = name.toLowerCase();
    const group = groups.get(key) ?? { stakeholder: name, members: [] };
    group.members.push(index);
    groups.set(key, group);
  });
  return [...groups.values(), ...(unnamed.length > 0 ? [{ stakeholder: "", members: unnamed }] : [])];
}

/**
 * The value-proposition sentence as the Value Map's formula computes it:
 * `Fewer leak repairs: $1,000,000 a year, cutting unplanned repair spend by 30%`. Past Excel's
 * longest text the formula gives #VALUE!, and so does this.
 */
export function valueSentence(e: Element, annualValue: number, currency: string): CachedValue {
  const proposition = e.proposition && e.proposition.text !== "" ? `, ${e.proposition.text}` : "";
  const sentence = `${e.element}: ${moneyText(annualValue, currency)} a year${proposition}`;
  return sentence.length > MAX_TEXT_VALUE_LENGTH ? { error: "#VALUE!" } : sentence;
}

/** The value map as `cvm build --json` reports it (absent when the workbook has no `CVM_Stakeholders`). */
export interface ValueMapJson {
  readonly stakeholders: readonly {
    readonly stakeholder: string;
    /** Whether `CVM_Stakeholders` lists them (false: only elements name them). */
    readonly listed: boolean;
    readonly role: string;
    readonly objective: string;
    readonly metric: string;
    readonly annualValue: number;
    readonly elements: readonly {
      readonly id: string | null;
      readonly element: string;
      readonly annualValue: number;
      readonly proposition: string;
      /** The sentence the Value Map shows; null when Excel would show #VALUE! (longer than Excel's longest text). */
      readonly sentence: string | null;
    }[];
  }[];
}

export function valueMapJson(model: ValueModel, results: Results): ValueMapJson | undefined {
  if (!model.stakeholders) return undefined;
  const currency = model.settings.currency;
  return {
    stakeholders: valueMapGroups(model).map((g) => {
      let total = 0;
      for (const i of g.members) total += results.elements[i]!.annualValue;
      return {
        stakeholder: g.stakeholder,
        listed: g.listed !== undefined,
        role: g.listed?.role ?? "",
        objective: g.listed?.objective ?? "",
        metric: g.listed?.metric ?? "",
        annualValue: total,
        elements: g.members.map((i) => {
          const e = model.elements[i]!;
          const value = results.elements[i]!.annualValue;
          const sentence = valueSentence(e, value, currency);
          return {
            id: e.id ?? null,
            element: e.element,
            annualValue: value,
            proposition: e.proposition?.text ?? "",
            sentence: typeof sentence === "string" ? sentence : null,
          };
        }),
      };
    }),
  };
}
