import { quoted } from "../workbook/cells";

/**
 * A ramp is written as a comma list of percentages or fractions, `40%,80%,100%` or `0.4, 0.8, 1`.
 * A single entry may also arrive as a number, when the cell holds 100% formatted as a percentage.
 */
export type RampParse = { readonly ok: true; readonly ramp: number[] } | { readonly ok: false; readonly message: string };

export function parseRamp(value: string | number): RampParse {
  if (typeof value === "number") return checkEntries([value], [String(value)]);
  const texts = value.split(/[,;]/).map((t) => t.trim());
  if (texts.length === 1 && texts[0] === "") return { ok: true, ramp: [1] };
  const entries: number[] = [];
  for (const text of texts) {
    const match = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)\s*(%?)$/.exec(text);
    if (!match) {
      return {
        ok: false,
        message:
          text === ""
            ? `The ramp ${quoted(value)} has an empty entry; write it like 40%,80%,100%.`
            : `The ramp entry ${quoted(text)} is not a percentage or a fraction; write the ramp like 40%,80%,100%.`,
      };
    }
    const n = Number(match[1]);
    if (match[2] !== "%" && n > 1) {
      return {
        ok: false,
        message: `The ramp entry ${quoted(text)} is more than 1: write ${n}% for a percentage or a fraction from 0 to 1.`,
      };
    }
    entries.push(match[2] === "%" ? n / 100 : n);
  }
  return checkEntries(entries, texts);
}

function checkEntries(entries: number[], texts: string[]): RampParse {
  for (let i = 0; i < entries.length; i++) {
    const n = entries[i]!;
    if (!Number.isFinite(n) || n < 0 || n > 1) {
      return {
        ok: false,
        message: `The ramp entry ${quoted(texts[i] ?? "")} is outside 0% to 100%: a ramp says how much of the full annual value is realized in a year.`,
      };
    }
  }
  return { ok: true, ramp: entries };
}

/** The ramp as the Assumptions Log shows it: `40%, 80%, 100%`. */
export function formatRamp(ramp: readonly number[]): string {
  return ramp.map((r) => `${Number((r * 100).toPrecision(12))}%`).join(", ");
}
