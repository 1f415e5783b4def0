import type { ExcelHost } from "./host";

type Listener = () => void;

interface Registration {
  readonly listeners: Set<Listener>;
  readonly notify: () => Promise<void>;
  ready: Promise<void>;
}

/*
 * One registration with Excel per host, for the page's lifetime: Office.js removes a handler only
 * through the request context that added it, which has ended by the time a React component
 * unmounts. Listeners come and go in plain JavaScript instead.
 */
const registrations = new WeakMap<ExcelHost, Registration>();

/**
 * Calls `listener` whenever cells of the workbook change (a user's edit, another add-in, a build):
 * one handler covers every sheet, new ones included (ExcelApi 1.9, below the add-in's floor of
 * 1.11). Returns the unsubscribe.
 */
export async function watchWorkbook(host: ExcelHost, listener: Listener): Promise<() => void> {
  let registration = registrations.get(host);
  if (!registration) {
    const listeners = new Set<Listener>();
    const notify = async () => {
      for (const l of [...listeners]) l();
    };
    const created: Registration = { listeners, notify, ready: Promise.resolve() };
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

async function register(host: ExcelHost, registration: Registration): Promise<void> {
  await host.run(async (context) => {
    context.workbook.worksheets.onChanged.add(registration.notify);
    await context.sync();
  });
}
