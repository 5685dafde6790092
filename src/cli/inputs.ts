/**
 * What `check` is asked to check: file names, folders (searched recursively for .xlsx workbooks) and
 * glob patterns the program expands itself, so one command works alike in cmd.exe, PowerShell and bash.
 * Every argument yields at least one row: a file to check, or a problem saying why nothing was found.
 */
import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** A workbook to check, and the folder its annotated copy's place is worked out from. */
export interface InputFile {
  kind: "file";
  /** As the user spelled it (a folder's files are joined onto the folder as given). */
  file: string;
  /** The resolved folder the argument named, or the glob's fixed part, or the file's own folder. */
  base: string;
}

/** An argument that names nothing to check; it is reported as a row of its own. */
export interface InputProblem {
  kind: "problem";
  file: string;
  message: string;
  messageEn: string;
}

export type InputEntry = InputFile | InputProblem;

/**
 * Order within a folder or a pattern's matches: numbers by value (2 before 10), then by name. Made
 * on first use: a collator costs a few MB of ICU data, which checking one named file never needs.
 */
let collator: Intl.Collator | null = null;

function byName(a: string, b: string): number {
  collator ??= new Intl.Collator("zh-Hans-CN", { numeric: true });
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Hidden files and folders, and the ~$ lock files Excel leaves beside an open workbook. */
function skipped(name: string): boolean {
  return name.startsWith(".") || name.startsWith("~$");
}

function isXlsx(name: string): boolean {
  return path.extname(name).toLowerCase() === ".xlsx";
}

/** True when `child` is `parent` or lies inside it (both resolved). */
function within(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/** Glob syntax (*, ?, [..], {..}, extglobs) that a literal file name would not hold. */
async function isPattern(argument: string): Promise<boolean> {
  if (!/[*?[\]{}()!]/.test(argument)) return false;
  const { isDynamicPattern } = await import("tinyglobby");
  return isDynamicPattern(toPattern(argument));
}

/** Patterns use forward slashes; on Windows a backslash is a separator, not an escape. */
function toPattern(argument: string): string {
  return process.platform === "win32" ? argument.replace(/\\/g, "/") : argument;
}

/** The folder a pattern's fixed leading segments name (`data/2023/**\/*.xlsx` → data/2023). */
function patternBase(pattern: string, isDynamic: (segment: string) => boolean): string {
  const segments = pattern.split("/");
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamic(segment)) break;
    fixed.push(segment);
  }
  const joined = fixed.join("/");
  if (joined === "") return path.resolve(pattern.startsWith("/") ? "/" : ".");
  return path.resolve(joined);
}

/** The .xlsx files under a folder, in name order, hidden entries and lock files skipped; symlinked folders are not followed. */
async function walk(
  folder: string,
  shown: string,
  exclude: string | null,
  into: InputEntry[],
  base: string,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (cause) {
    into.push(folderProblem(shown, cause));
    return;
  }
  entries.sort((a, b) => byName(a.name, b.name));
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const full = path.join(folder, entry.name);
    if (exclude !== null && within(full, exclude)) continue;
    const display = path.join(shown, entry.name);
    if (entry.isDirectory()) {
      await walk(full, display, exclude, into, base);
    } else if (isXlsx(entry.name)) {
      if (entry.isFile()) into.push({ kind: "file", file: display, base });
      else if (entry.isSymbolicLink()) {
        const target = await stat(full).catch(() => null);
        if (target?.isFile()) into.push({ kind: "file", file: display, base });
      }
    }
  }
}

function folderProblem(folder: string, cause: unknown): InputProblem {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code === "EACCES" || code === "EPERM") {
    return {
      kind: "problem",
      file: folder,
      message: `无法读取文件夹“${folder}”：没有读取权限。`,
      messageEn: `cannot read the folder "${folder}": permission denied.`,
    };
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return {
    kind: "problem",
    file: folder,
    message: `无法读取文件夹“${folder}”（${detail}）。`,
    messageEn: `cannot read the folder "${folder}" (${detail}).`,
  };
}

async function expandPattern(argument: string, exclude: string | null): Promise<InputEntry[]> {
  const { glob, isDynamicPattern } = await import("tinyglobby");
  const pattern = toPattern(argument);
  const absolute = path.isAbsolute(argument);
  const matches = await glob([pattern], {
    cwd: process.cwd(),
    absolute,
    dot: false,
    onlyFiles: true,
    expandDirectories: false,
    followSymbolicLinks: false,
    // Windows and its shells treat *.XLSX and *.xlsx alike; so does the pattern there.
    caseSensitiveMatch: process.platform !== "win32",
  });
  const base = patternBase(pattern, (segment) => isDynamicPattern(segment));
  const files = matches
    .map((match) => path.normalize(match))
    .filter((file) => !path.basename(file).startsWith("~$"))
    .filter((file) => exclude === null || !within(path.resolve(file), exclude))
    .sort(byName);
  if (files.length === 0) {
    return [
      {
        kind: "problem",
        file: argument,
        message: `没有与“${argument}”匹配的文件。`,
        messageEn: `no file matches "${argument}".`,
      },
    ];
  }
  return files.map((file) => ({ kind: "file", file, base }));
}

/**
 * Expands the arguments, in their order, into rows. A path that exists is taken as it is (a file,
 * or a folder to search), even when its name holds glob characters; otherwise an argument with glob
 * syntax is a pattern; anything else is a file, whose reading will say what is wrong with it.
 * The same file named twice is checked once. `exclude` (the --out-dir folder) is never searched.
 */
export async function expandInputs(argumentsGiven: readonly string[], exclude: string | null): Promise<InputEntry[]> {
  const rows: InputEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: InputEntry): void => {
    if (entry.kind === "file") {
      const key = path.resolve(entry.file);
      const normalized = process.platform === "win32" ? key.toLowerCase() : key;
      if (seen.has(normalized)) return;
      seen.add(normalized);
    }
    rows.push(entry);
  };
  for (const argument of argumentsGiven) {
    const info = await stat(argument).catch(() => null);
    if (info?.isDirectory()) {
      const found: InputEntry[] = [];
      await walk(argument, argument, exclude, found, path.resolve(argument));
      if (found.length === 0) {
        add({
          kind: "problem",
          file: argument,
          message: `无法读取“${argument}”：这是一个文件夹，不是 Excel 文件，其中也没有 .xlsx 工作簿（隐藏文件和 ~$ 锁定文件不计）。`,
          messageEn: `cannot read "${argument}": this is a folder, not an Excel file, and it holds no .xlsx workbook (hidden files and ~$ lock files are skipped).`,
        });
      }
      found.forEach(add);
    } else if (info === null && (await isPattern(argument))) {
      (await expandPattern(argument, exclude)).forEach(add);
    } else {
      add({ kind: "file", file: argument, base: path.dirname(path.resolve(argument)) });
    }
  }
  return rows;
}

/** The deepest folder holding every base: annotated copies mirror the inputs' folders below it. */
export function commonFolder(bases: readonly string[]): string | null {
  if (bases.length === 0) return null;
  let common = bases[0];
  for (const base of bases.slice(1)) {
    while (!within(base, common)) {
      const parent = path.dirname(common);
      if (parent === common) return null; // different drives
      common = parent;
    }
  }
  return common;
}

/**
 * Where a file's annotated copy goes under `outDir`: its path below `root`, the same name and
 * subfolders. Without a shared root (files on different drives) the drive becomes a folder.
 */
export function mirroredPath(file: string, root: string | null, outDir: string): string {
  const resolved = path.resolve(file);
  let relative = root === null ? "" : path.relative(root, resolved);
  if (root === null || relative.startsWith("..") || path.isAbsolute(relative)) {
    const parsed = path.parse(resolved);
    relative = path.join(parsed.root.replace(/[:\\/]+/g, "") || "root", path.relative(parsed.root, resolved));
  }
  return path.join(outDir, relative);
}
