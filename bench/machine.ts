/** The machine the figures were measured on, for the report. */
import * as fs from "node:fs";
import * as os from "node:os";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGB: number;
  readonly os: string;
  readonly node: string;
  /** When the benchmark ran, ISO 8601 (UTC). */
  readonly date: string;
  /** The 1-minute load average when it started: other work on the machine slows every figure. */
  readonly loadAverage: number;
}

function distribution(): string | undefined {
  try {
    const release = fs.readFileSync("/etc/os-release", "utf8");
    return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release)?.[1];
  } catch {
    return undefined;
  }
}

export function machine(now = new Date()): Machine {
  const cpus = os.cpus();
  const name = distribution();
  return {
    cpu: cpus[0]?.model.trim() || "unknown",
    cores: os.availableParallelism(),
    memoryGB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${name ? `${name}, ` : ""}${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    date: now.toISOString(),
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
