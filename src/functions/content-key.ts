import { type Grid, sanitizeCell } from "./grid";

/**
 * Recognising ranges by content. Excel hands a custom function fresh arrays on every call, so
 * identity says nothing, and serialising the whole model on every call would build a string the
 * size of the model each time. Instead a cheap hash picks the candidate and an exact comparison
 * confirms it: a hash collision costs one more comparison, never a wrong result.
 */

/** Ranges in argument order; `undefined` for an omitted optional range. */
export type Grids = readonly (Grid | undefined)[];

const scratch = new Float64Array(1);
const words = new Uint32Array(scratch.buffer);

// Bound once: a global property lookup on every cell is measurably slow in some hosts (jest's
// sandbox makes each `Math.imul` lookup cost ~150 ns, fifty times the multiplication).
const imul = Math.imul;

/** FNV-1a over 32-bit words. */
function mix(hash: number, word: number): number {
  return imul(hash ^ word, 0x01000193);
}

/** Strings longer than this are sampled: the exact comparison catches what sampling misses. */
const FULL_STRING = 8;
const SAMPLES = 8;

function mixString(hash: number, text: string): number {
  const n = text.length;
  let h = mix(hash, n);
  const step = n <= FULL_STRING ? 1 : (n / SAMPLES) | 0;
  for (let i = 0; i < n; i += step) h = mix(h, text.charCodeAt(i));
  return n > 0 ? mix(h, text.charCodeAt(n - 1)) : h;
}

function mixCell(hash: number, cell: unknown): number {
  switch (typeof cell) {
    case "number":
      scratch[0] = cell;
      return mix(mix(hash, words[0]!), words[1]!);
    case "string":
      return mixString(hash, cell);
    case "boolean":
      return mix(hash, cell ? 1 : 2);
    default:
      // null, undefined and the rare rich-value object: left to the exact comparison.
      return mix(hash, cell === null || cell === undefined ? 3 : 4);
  }
}

export function hashGrids(grids: Grids): number {
  let hash = 0x811c9dc5 | 0;
  for (const grid of grids) {
    if (grid === undefined) {
      hash = mix(hash, 0xffffffff);
      continue;
    }
    hash = mix(hash, grid.length);
    for (const row of grid) {
      hash = mix(hash, row.length);
      for (const cell of row) hash = mixCell(hash, cell);
    }
  }
  return hash;
}

/**
 * A copy the caller cannot change afterwards: Excel's arrays are fresh, but a caller in code may
 * reuse and mutate its arrays, and a cached snapshot must not silently follow.
 */
export function snapshotGrids(grids: Grids): Grids {
  return grids.map((grid) =>
    grid?.map((row) => row.map((cell) => (typeof cell === "object" && cell !== null ? sanitizeCell(cell) : cell))),
  );
}

function sameCell(stored: unknown, live: unknown): boolean {
  if (stored === live) return true;
  if (typeof live === "number") return Number.isNaN(live) && typeof stored === "number" && Number.isNaN(stored);
  return typeof live === "object" && live !== null && stored === sanitizeCell(live);
}

/** Exact equality of a snapshot with live ranges. */
export function sameGrids(stored: Grids, live: Grids): boolean {
  if (stored.length !== live.length) return false;
  for (let g = 0; g < stored.length; g++) {
    const a = stored[g];
    const b = live[g];
    if (a === undefined || b === undefined) {
      if (a !== b) return false;
      continue;
    }
    if (a.length !== b.length) return false;
    for (let r = 0; r < a.length; r++) {
      const rowA = a[r]!;
      const rowB = b[r]!;
      if (rowA.length !== rowB.length) return false;
      for (let c = 0; c < rowA.length; c++) {
        const x = rowA[c];
        const y = rowB[c];
        if (x !== y && !sameCell(x, y)) return false;
      }
    }
  }
  return true;
}
