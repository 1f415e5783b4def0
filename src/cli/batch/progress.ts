/**
 * The progress bar of `cvm batch`: one line on a terminal's standard error, redrawn in place
 * with `\r`, cleared at the end. Off the terminal (a pipe, a file, CI) nothing is drawn. No
 * colours, no escape sequences: it works the same with NO_COLOR and on any terminal.
 */

export interface ProgressState {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.ceil(seconds - minutes * 60)).padStart(2, "0")} s`;
}

/** `[#######.............]  412/1000 workbooks  83 a second  ETA 8 s`, fitted to `columns`. Pure. */
export function progressLine(state: ProgressState, columns = 80): string {
  const { done, total, elapsedMs } = state;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const eta = done > 0 && rate > 0 ? duration((total - done) / rate) : "--";
  const counts = `${String(done).padStart(String(total).length)}/${total} workbooks`;
  const tail = `${counts}  ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} a second  ETA ${done >= total ? "0 s" : eta}`;
  // Leave the last column free: writing into it makes some terminals wrap.
  const room = Math.max(0, columns - 1 - tail.length - 3);
  const width = Math.min(30, room);
  if (width < 5) return tail.slice(0, Math.max(0, columns - 1));
  const filled = total === 0 ? width : Math.floor((done / total) * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${tail}`;
}

export interface Progress {
  update(done: number): void;
  /** Clears the line; nothing is left on the terminal. */
  finish(): void;
}

export const NO_PROGRESS: Progress = { update: () => undefined, finish: () => undefined };

/** A bar drawn through `write`, at most every `intervalMs`, and always for the last customer. */
export function terminalProgress(
  write: (text: string) => void,
  total: number,
  options: { columns?: number; now?: () => number; intervalMs?: number } = {},
): Progress {
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 100;
  const started = now();
  let drawnAt = started;
  let width = 0;
  const draw = (done: number) => {
    const line = progressLine({ done, total, elapsedMs: now() - started }, options.columns ?? 80);
    write(`\r${line}${" ".repeat(Math.max(0, width - line.length))}`);
    width = line.length;
  };
  draw(0);
  return {
    update(done) {
      const t = now();
      if (done < total && t - drawnAt < interval) return;
      drawnAt = t;
      draw(done);
    },
    finish() {
      if (width > 0) write(`\r${" ".repeat(width)}\r`);
      width = 0;
    },
  };
}
