import type { OtherCustomersRemoved } from "./build-plan";

/** What a "prepare for sending" removed of other customers, or a build on its own. */
export interface RemovedForSending extends OtherCustomersRemoved {
  /** Names of the profiles removed from the workbook. */
  readonly profiles: readonly string[];
}

/**
 * What was removed, in one sentence a sales engineer can check against the workbook, e.g.
 * "Removed the profiles of A and C, 12 history entries of A, and A's inputs from the build
 * record." Undefined when nothing was.
 */
export function describeRemoved(removed: Partial<RemovedForSending>, verb = "Removed"): string | undefined {
  const parts: string[] = [];
  const profiles = removed.profiles ?? [];
  if (profiles.length > 0) parts.push(`the ${profiles.length === 1 ? "profile" : "profiles"} of ${list(profiles)}`);
  for (const { customer, entries } of removed.history ?? []) {
    const noun = entries === 1 ? "history entry" : "history entries";
    parts.push(customer === "" ? `${count(entries)} ${noun} recorded without a customer name` : `${count(entries)} ${noun} of ${customer}`);
  }
  if (removed.recordOf !== undefined) {
    parts.push(
      removed.recordOf === ""
        ? "the inputs of the last build (made without a customer name) from the build record"
        : `${possessive(removed.recordOf)} inputs from the build record`,
    );
  }
  return parts.length === 0 ? undefined : `${verb} ${list(parts)}.`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  if (items.length === 2) return `${items[0]} and ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}, and ${items.at(-1)}`;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}

function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}
