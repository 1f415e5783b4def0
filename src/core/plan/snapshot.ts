import { formatRamp } from "../model/ramp";
import { SETTINGS, settingShown } from "../model/settings";
import type { Element, ValueModel } from "../model/types";
import type { ActualRecorded } from "./ownership";

/**
 * The inputs of one build, flattened to comparable entries, so that the next build can record
 * in the Assumptions Log's history exactly what changed in between.
 */
export interface SnapshotEntry {
  readonly kind: "Variable" | "Element" | "Setting";
  readonly item: string;
  readonly field: string;
  readonly value: string | number;
}

export interface Change {
  readonly kind: SnapshotEntry["kind"];
  readonly item: string;
  readonly field: string;
  readonly before?: string | number;
  readonly after?: string | number;
}

export function takeSnapshot(model: ValueModel): SnapshotEntry[] {
  const entries: SnapshotEntry[] = [];
  const add = (kind: SnapshotEntry["kind"], item: string, field: string, value: string | number | undefined) => {
    if (value !== undefined && value !== "") entries.push({ kind, item, field, value });
  };
  for (const v of model.variables) {
    add("Variable", v.name, "Value", v.value);
    add("Variable", v.name, "Unit", v.unit);
    add("Variable", v.name, "Source", v.source);
    add("Variable", v.name, "Low", v.range?.low);
    add("Variable", v.name, "High", v.range?.high);
  }
  for (const e of model.elements) {
    const item = itemOf(e);
    add("Element", item, "Formula", e.formulaText);
    add("Element", item, "Stakeholder", e.stakeholder);
    add("Element", item, "Confidence", e.confidence);
    add("Element", item, "Ramp", formatRamp(e.ramp));
    add("Element", item, "Actual", e.actual);
  }
  const s = model.settings;
  // The alternative's settings only where the model gives one: a model without it records as before.
  for (const d of SETTINGS) if (settingShown(d, s)) add("Setting", d.label, "Value", s[d.key]);
  return entries;
}

const keyOf = (e: Pick<SnapshotEntry, "kind" | "item" | "field">) => `${e.kind}\u0000${e.item.toLowerCase()}\u0000${e.field}`;

/** What changed from one snapshot to the next, in the order of the newer one, then removals. */
export function diffSnapshots(before: readonly SnapshotEntry[], after: readonly SnapshotEntry[]): Change[] {
  const old = new Map(before.map((e) => [keyOf(e), e]));
  const changes: Change[] = [];
  for (const entry of after) {
    const key = keyOf(entry);
    const previous = old.get(key);
    old.delete(key);
    if (!previous) changes.push({ kind: entry.kind, item: entry.item, field: entry.field, after: entry.value });
    else if (previous.value !== entry.value)
      changes.push({ kind: entry.kind, item: entry.item, field: entry.field, before: previous.value, after: entry.value });
  }
  for (const removed of old.values()) changes.push({ kind: removed.kind, item: removed.item, field: removed.field, before: removed.value });
  return changes;
}

/** How the history and the record name an element: its id, else its name. */
function itemOf(e: Element): string {
  return e.id ?? e.element;
}

/**
 * When each Actual was first recorded: the date of the build that first saw it with its current
 * value, kept from the previous record while the value stays the same, else `now` (an Excel
 * serial date). The add-in cannot see the moment a value is typed; a build is when it learns of it.
 */
export function recordActuals(model: ValueModel, previous: readonly ActualRecorded[] | undefined, now: number): ActualRecorded[] {
  const known = new Map((previous ?? []).map((a) => [a.item.toLowerCase(), a]));
  return model.elements.flatMap((e) => {
    if (e.actual === undefined) return [];
    const item = itemOf(e);
    const before = known.get(item.toLowerCase());
    return [{ item, value: e.actual, recorded: before && before.value === e.actual ? before.recorded : now }];
  });
}
