/** The formula language of the model: parse, evaluate and print Excel formulas over named values. */
export { type BinaryOperator, type Expr, type ParseResult, type SyntaxProblem, childrenOf, walkFormula } from "./ast";
export {
  ERROR_CODES,
  type ErrorCode,
  type ExcelError,
  type FormulaValue,
  errorCodeOf,
  excelError,
  isExcelError,
  nearZeroSum,
  numberFromText,
  numberResult,
  numberToText,
  toBoolean,
  toNumber,
  toText,
} from "./values";
export { type Token, type TokenizeResult, tokenize, MAX_TEXT_LENGTH } from "./tokenize";
export { parseFormula, MAX_FORMULA_LENGTH, MAX_NESTING } from "./parse";
export { FUNCTIONS, type FunctionDefinition, MAX_ARGUMENTS, describeArity, roundNumber } from "./functions";
export { evaluate, type Resolver, compareValues } from "./evaluate";
export { printFormula, numberLiteral } from "./print";
export { referencedNames, calledFunctions, nameKey } from "./names";
