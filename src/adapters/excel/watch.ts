import type { ExcelHost } from "./host";

type Listener = () => void;

interface Registration {
  readonly listeners: Set<Listener>;
  readonly notify: () => Promise<void>;
  /** Before ExcelApi 1.9, the sheets (by id) that have a handler of their own. */
  readonly watchedSheets: Set<string>;
  ready: Promise<void>;
}

/*
 * One registration with Excel per host, for the page's lifetime: Office.js removes a handler only
 * through the request context that added it, which has ended by the time a React component
 * unmounts. Listeners come and go in plain JavaScript instead.
 */
const registrations = new WeakMap<ExcelHost, Registration>();

/**
 * Calls `listener` whenever cells of the workbook change (a user's edit, another add-in, a build).
 * With ExcelApi 1.9 one handler covers every sheet, new ones included; on 1.7 and 1.8 each sheet
 * gets its own, and sheets added later are covered by `watchNewSheets`. Returns the unsubscribe.
 */
export async function watchWorkbook(host: ExcelHost, listener: Listener): Promise<() => void> {
  let registration = registrations.get(host);
  if (!registration) {
    const listeners = new Set<Listener>();
    const notify = async () => {
      for (const l of [...listeners]) l();
    };
    const created: Registration = { listeners, notify, watchedSheets: new Set(), ready: Promise.resolve() };
    created.ready = register(host, created);
    registration = created;
    registrations.set(host, registration);
    // A failed registration may be tried again by the next subscriber.
    created.ready.catch(() => registrations.delete(host));
  }
  registration.listeners.add(listener);
  const { listeners } = registration;
  await registration.ready;
  return () => void listeners.delete(listener);
}

/**
 * Before ExcelApi 1.9 a change handler belongs to one sheet: this gives one to each sheet added
 * since (a starter model's, a user's). With 1.9, or before anyone watches, it does nothing.
 */
export async function watchNewSheets(host: ExcelHost): Promise<void> {
  const registration = registrations.get(host);
  if (!registration || host.supportsExcelApi("1.9")) return;
  await registration.ready;
  registration.ready = register(host, registration);
  await registration.ready;
}

async function register(host: ExcelHost, registration: Registration): Promise<void> {
  await host.run(async (context) => {
    if (host.supportsExcelApi("1.9")) {
      context.workbook.worksheets.onChanged.add(registration.notify);
    } else {
      const sheets = context.workbook.worksheets.load("items/id");
      await context.sync();
      for (const sheet of sheets.items) {
        if (registration.watchedSheets.has(sheet.id)) continue;
        sheet.onChanged.add(registration.notify);
        registration.watchedSheets.add(sheet.id);
      }
    }
    await context.sync();
  });
}
