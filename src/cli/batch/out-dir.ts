import { promises as fs } from "node:fs";
import * as path from "node:path";
import { cannotWrite } from "../input-files";
import { foldName } from "./file-names";
import { Interrupted } from "./pool";
import { filesOfEarlierBatch, ROLLUP_CSV, ROLLUP_JSON } from "./rollup";

/**
 * The output folder of a batch, all or nothing. Everything is written into a staging folder
 * inside it (`.cvm-batch-<pid>-<random>`), then moved into place by renames; a file an earlier
 * batch wrote is first moved aside into the staging folder, so that a failure or an interruption
 * at any point puts the folder back exactly as it was. A file the folder holds that no earlier
 * batch wrote (its rollup.json does not list it) is never replaced: the batch refuses to start.
 */

export type OutDirCheck =
  | {
      readonly ok: true;
      /** The folder's current names for each target that an earlier batch wrote (found ignoring case: one, or more on a case-sensitive file system). */
      readonly replacing: ReadonlyMap<string, readonly string[]>;
      /** Files an earlier batch wrote that this one does not replace: they stay. */
      readonly earlier: readonly string[];
    }
  | { readonly ok: false; readonly message: string };

function list(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(", ");
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/** Checks that writing `targets` (file names) into `outDir` replaces only what an earlier batch wrote. */
export async function checkOutDir(outDir: string, targets: readonly string[]): Promise<OutDirCheck> {
  let entries: string[];
  try {
    const stat = await fs.stat(outDir);
    if (!stat.isDirectory()) return { ok: false, message: `${outDir} exists and is not a folder; choose another --out-dir.` };
    entries = await fs.readdir(outDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, replacing: new Map(), earlier: [] };
    return { ok: false, message: cannotWrite(outDir, e, "choose another folder with --out-dir").replace(/^cvm: /, "") };
  }
  const byFold = new Map<string, string[]>();
  for (const entry of entries) byFold.set(foldName(entry), [...(byFold.get(foldName(entry)) ?? []), entry]);
  const rollupName = byFold.get(foldName(ROLLUP_JSON))?.find((e) => e === ROLLUP_JSON) ?? byFold.get(foldName(ROLLUP_JSON))?.[0];
  let listed: string[] = [];
  if (rollupName !== undefined) {
    let files: string[] | undefined;
    try {
      files = filesOfEarlierBatch(await fs.readFile(path.join(outDir, rollupName), "utf8"));
    } catch {
      files = undefined;
    }
    if (!files) {
      return {
        ok: false,
        message: `${path.join(outDir, rollupName)} was not written by cvm batch, and a batch writes its own ${ROLLUP_JSON} there; nothing was written. Move that file, or choose another folder with --out-dir.`,
      };
    }
    listed = files;
  }
  // An earlier batch's file: listed by its rollup.json, ignoring case and Unicode normalization
  // as the file system may; where two files differ only by case (a case-sensitive file system),
  // only the one spelled exactly as listed.
  const listedExactly = new Set(listed.map((f) => f.normalize("NFC")));
  const listedFolded = new Set(listed.map(foldName));
  const isOurs = (entry: string) =>
    listedExactly.has(entry.normalize("NFC")) || (listedFolded.has(foldName(entry)) && byFold.get(foldName(entry))!.length === 1);
  const replacing = new Map<string, string[]>();
  const foreign: string[] = [];
  for (const target of targets) {
    const existing = byFold.get(foldName(target)) ?? [];
    const others = existing.filter((e) => !isOurs(e));
    if (others.length > 0) foreign.push(...others);
    else if (existing.length > 0) replacing.set(target, existing);
  }
  if (foreign.length > 0) {
    const one = foreign.length === 1;
    const them = one ? "it" : "them";
    const why =
      rollupName === undefined
        ? `and no earlier batch wrote ${them} (the folder has no rollup.json)`
        : `and the earlier batch's rollup.json does not list ${them}`;
    return {
      ok: false,
      message: `${outDir} already holds ${list(foreign)}, ${one ? "a file this batch would write" : "files this batch would write"}, ${why}. cvm batch never replaces a file it did not write; nothing was written. Move ${them}, or choose another folder with --out-dir.`,
    };
  }
  const targeted = new Set(targets.map(foldName));
  const earlier = entries.filter(
    (e) => isOurs(e) && !targeted.has(foldName(e)) && foldName(e) !== foldName(ROLLUP_CSV) && foldName(e) !== foldName(ROLLUP_JSON),
  );
  return { ok: true, replacing, earlier: earlier.sort() };
}

const REPLACED = ".replaced";

/** The staging folder of one run, and the journal of what it moved, to undo. */
export class Staging {
  private readonly journal: ({ kind: "placed"; file: string } | { kind: "aside"; name: string })[] = [];

  private constructor(
    readonly outDir: string,
    readonly folder: string,
    private readonly createdOutDir: string | undefined,
  ) {}

  /** Creates the output folder (and its parents) when missing, and a staging folder inside it. */
  static async create(outDir: string): Promise<Staging> {
    const created = await fs.mkdir(outDir, { recursive: true });
    try {
      const folder = await fs.mkdtemp(path.join(outDir, `.cvm-batch-${process.pid}-`));
      return new Staging(outDir, folder, created);
    } catch (e) {
      if (created) await fs.rm(created, { recursive: true, force: true });
      throw e;
    }
  }

  file(name: string): string {
    return path.join(this.folder, name);
  }

  /**
   * Moves `files` from the staging folder into the output folder, each replacing what
   * `replacing` names (moved aside first). Undoes every move when one fails or `signal` aborts,
   * and throws.
   */
  async commit(
    files: readonly string[],
    replacing: ReadonlyMap<string, readonly string[]>,
    signal?: AbortSignal,
    onMoved?: (done: number) => void,
  ): Promise<void> {
    await fs.mkdir(path.join(this.folder, REPLACED));
    let placed = 0;
    try {
      for (const file of files) {
        if (signal?.aborted) throw new Interrupted();
        for (const old of replacing.get(file) ?? []) {
          await fs.rename(path.join(this.outDir, old), path.join(this.folder, REPLACED, old));
          this.journal.push({ kind: "aside", name: old });
        }
        await fs.rename(this.file(file), path.join(this.outDir, file));
        this.journal.push({ kind: "placed", file });
        onMoved?.(++placed);
      }
    } catch (e) {
      await this.undo();
      throw e;
    }
    this.journal.length = 0;
  }

  /**
   * Puts the output folder back as it was before commit. What cannot be put back stays in the
   * staging folder, which is then kept (and named in `unrestored`).
   */
  private async undo(): Promise<void> {
    while (this.journal.length > 0) {
      const step = this.journal.pop()!;
      try {
        if (step.kind === "placed") await fs.rm(path.join(this.outDir, step.file), { force: true });
        else await fs.rename(path.join(this.folder, REPLACED, step.name), path.join(this.outDir, step.name));
      } catch {
        this.unrestored.push(step.kind === "placed" ? path.join(this.outDir, step.file) : path.join(this.folder, REPLACED, step.name));
      }
    }
  }

  /** Files the undo of a failed commit could not put back (normally none). */
  readonly unrestored: string[] = [];

  /** Removes the staging folder, and the output folder too when this run created it and it is empty. */
  async discard(): Promise<void> {
    if (this.unrestored.length > 0) return;
    await fs.rm(this.folder, { recursive: true, force: true, maxRetries: 3 });
    if (this.createdOutDir) {
      // Parents this run created too, innermost first, as long as they are empty.
      let dir = path.resolve(this.outDir);
      const top = path.resolve(this.createdOutDir);
      for (;;) {
        try {
          await fs.rmdir(dir);
        } catch {
          break;
        }
        if (dir === top) break;
        dir = path.dirname(dir);
      }
    }
  }
}
