/**
 * Errors as Office.js reports them, and the simulation's own refusals. The messages are Excel's
 * own, word for word, so that an adapter that shows `error.message` shows what Excel would; the
 * simulation's detail (which object, which operation) goes to `debugInfo`.
 */

export type OfficeErrorCode =
  | "ApiNotFound"
  | "GeneralException"
  | "InvalidArgument"
  | "InvalidObjectPath"
  | "InvalidOperation"
  | "InvalidOperationInCellEditMode"
  | "InvalidRequestContext"
  | "ItemAlreadyExists"
  | "ItemNotFound"
  | "PropertyNotLoaded"
  | "RunMustReturnPromise"
  | "UnsupportedOperation";

const MESSAGES: Record<OfficeErrorCode, string> = {
  ApiNotFound:
    'The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the "Excel JavaScript API requirement sets" documentation for more information.',
  GeneralException: "There was an internal error while processing the request.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: "The operation is invalid for the object.",
  // What office-js#2041 and office-js-docs#910 report for the title and series of a waterfall chart.
  UnsupportedOperation: "This operation is not implemented.",
  // Office.js's text for the code (Excel's error reference).
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  PropertyNotLoaded: "",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
};

/** Shaped like `OfficeExtension.Error`, which is what `context.sync()` rejects with in Excel. */
export class OfficeError extends Error implements Pick<OfficeExtension.Error, "name" | "code" | "message" | "debugInfo" | "traceMessages"> {
  override name = "RichApi.Error";
  readonly traceMessages: string[] = [];
  readonly debugInfo: OfficeExtension.DebugInfo;

  constructor(
    readonly code: string,
    message: string,
    where: { errorLocation?: string; statement?: string } = {},
  ) {
    super(message);
    this.debugInfo = { code, message, ...where };
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** `detail` names what went wrong in the simulation's terms; Excel itself says no more than the code's message. */
export function officeError(code: OfficeErrorCode, detail?: string): OfficeError {
  return new OfficeError(code, MESSAGES[code], detail === undefined ? {} : { statement: detail });
}

export function propertyNotLoaded(typeName: string, property: string): OfficeError {
  return new OfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    { errorLocation: `${typeName}.${property}` },
  );
}

/**
 * Something the simulation does not model, or Excel behaviour it cannot know (a formula's
 * computed value). Deliberately not an `OfficeError`: a test that meets one has asked the
 * simulation a question it cannot answer, which is never what Excel would have said.
 */
export class SimulationError extends Error {
  override name = "SimulationError";
  readonly code = "SimulationLimit";
}
