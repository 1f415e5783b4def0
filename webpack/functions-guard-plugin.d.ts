/** Types for functions-guard-plugin.js, for the tests. */
import type { Compiler } from "webpack";

export declare const DEFAULT_FORBIDDEN: RegExp;
export declare class FunctionsGuardPlugin {
  constructor(options?: { entry?: string; forbidden?: RegExp });
  apply(compiler: Compiler): void;
}
