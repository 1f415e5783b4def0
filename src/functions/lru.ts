import { type Grids, hashGrids, sameGrids, snapshotGrids } from "./content-key";

interface Entry<T> {
  readonly hash: number;
  readonly grids: Grids;
  readonly value: T;
}

/**
 * A small least-recently-used cache keyed by range content. A workbook has a handful of models
 * (one per sheet, plus what-if copies), so a few dozen entries hold them all while bounding the
 * memory an add-in that runs for hours can take. Over so few entries a linear scan, comparing
 * hashes before contents, needs no index.
 */
export class ContentCache<T> {
  private entries: Entry<T>[] = [];
  private counts = { builds: 0, hits: 0 };

  constructor(private readonly capacity: number) {}

  get(grids: Grids, build: () => T): T {
    // Excel recalculates a workbook's functions together, nearly all over the same ranges: the
    // entry used last is compared first, directly, which spares hashing the ranges on a hit.
    const recent = this.entries[0];
    if (recent && sameGrids(recent.grids, grids)) {
      this.counts.hits += 1;
      return recent.value;
    }
    const hash = hashGrids(grids);
    for (let i = 1; i < this.entries.length; i++) {
      const entry = this.entries[i]!;
      if (entry.hash !== hash || !sameGrids(entry.grids, grids)) continue;
      if (i > 0) {
        this.entries.splice(i, 1);
        this.entries.unshift(entry);
      }
      this.counts.hits += 1;
      return entry.value;
    }
    const value = build();
    this.counts.builds += 1;
    this.entries.unshift({ hash, grids: snapshotGrids(grids), value });
    if (this.entries.length > this.capacity) this.entries.pop();
    return value;
  }

  stats(): { builds: number; hits: number; size: number } {
    return { ...this.counts, size: this.entries.length };
  }

  clear(): void {
    this.entries = [];
    this.counts = { builds: 0, hits: 0 };
  }
}
