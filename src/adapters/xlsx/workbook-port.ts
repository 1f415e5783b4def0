import type { Settings } from "../../core/model/types";
import type { WorkbookPlan } from "../../core/plan/types";
import type { WorkbookPort, WorkbookRead } from "../../core/port";
import type { ProfilesRead } from "../../core/profiles";
import { keepOneCustomer } from "./one-customer";
import { readWorkbook, type XlsxWorkbook } from "./read";
import { writePlannedXlsx } from "./write";

/** What applying a plan to an .xlsx gives: the finished file. */
export interface XlsxApplied {
  readonly bytes: Uint8Array;
}

/** A copy of a model made one customer's workbook (`cvm batch`): see keepOneCustomer. */
export interface OneCustomer {
  readonly profiles: ProfilesRead;
  readonly settings: Pick<Settings, "offering" | "customer">;
  /** The customer the model itself was last made for, whose mentions go. */
  readonly modelCustomer: string;
}

export interface XlsxWorkbookOptions {
  /** What was read of this workbook before (a batch reads its model once): reading is then skipped. */
  readonly known?: WorkbookRead;
  readonly oneCustomer?: OneCustomer;
}

/**
 * A loaded .xlsx behind the application layer's port. Applying a plan writes the workbook and
 * returns its bytes; the loaded workbook is changed by it, so each build loads its own copy.
 */
export function xlsxWorkbook(x: XlsxWorkbook, options: XlsxWorkbookOptions = {}): WorkbookPort<XlsxApplied> {
  return {
    session: (work) =>
      work({
        read: async () => options.known ?? readWorkbook(x),
        async apply(plan: WorkbookPlan): Promise<XlsxApplied> {
          const one = options.oneCustomer;
          if (one)
            keepOneCustomer(
              x.workbook,
              one.profiles,
              one.settings,
              one.modelCustomer,
              plan.sheets.map((s) => s.name),
            );
          return { bytes: await writePlannedXlsx(x, plan) };
        },
      }),
  };
}
