import type { ExcelHost } from "./host";

type Listener = () => void;

interface Registration {
  readonly listeners: Set<Listener>;
  readonly ready: Promise<void>;
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
 * that exists now gets its own. Returns the unsubscribe.
 */
export async function watchWorkbook(host: ExcelHost, listener: Listener): Promise<() => void> {
  let registration = registrations.get(host);
  if (!registration) {
    const listeners = new Set<Listener>();
    const notify = async () => {
      for (const l of [...listeners]) l();
    };
    const ready = register(host, notify);
    registration = { listeners, ready };
    registrations.set(host, registration);
    // A failed registration may be tried again by the next subscriber.
    ready.catch(() => registrations.delete(host));
  }
  registration.listeners.add(listener);
  const { listeners } = registration;
  await registration.ready;
  return () => void listeners.delete(listener);
}

async function register(host: ExcelHost, notify: () => Promise<void>): Promise<void> {
  await host.run(async (context) => {
    if (host.supportsExcelApi("1.9")) {
      context.workbook.worksheets.onChanged.add(notify);
    } else {
      const sheets = context.workbook.worksheets.load("items");
      await context.sync();
      for (const sheet of sheets.items) sheet.onChanged.add(notify);
    }
    await context.sync();
  });
}
