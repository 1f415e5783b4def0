/** Types for bundle-budget-plugin.js, for the tests. */
import type { Compiler } from "webpack";

export declare class BundleBudgetPlugin {
  constructor(options: { page: string; entries: string[]; maxGzipBytes: number; enforce: boolean; log?: (line: string) => void });
  apply(compiler: Compiler): void;
}
