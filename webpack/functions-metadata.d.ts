/** Types for functions-metadata.js, for the tests. */
import type { Compiler } from "webpack";

export declare const TOP_LEVEL: Readonly<{ allowErrorForDataTypeAny: true }>;
export declare function finalizeFunctionsMetadata(generated: string): string;
export declare class FunctionsMetadataPlugin {
  constructor(options?: { file?: string });
  apply(compiler: Compiler): void;
}

export interface FunctionsLock {
  readonly manifestVersion: string;
  readonly sha256: string;
}
export declare function metadataHash(shipped: string): string;
export declare function lockProblems(current: FunctionsLock, lock: FunctionsLock): string[];
