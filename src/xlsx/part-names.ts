/**
 * Part names from relationship targets, one rule for the reader and for the annotated copy.
 *
 * A target is a URI: a part named with a space or with Chinese characters is written percent-encoded
 * ("worksheets/%E8%A1%A8%201.xml"), and the ZIP holds it under the decoded name. Some writers store the
 * encoded spelling itself as the ZIP name; the package is then searched for that spelling too, so that
 * no sheet is left unread (or unpainted) for how its name was spelled.
 */

/** The folder of a part name ("xl/worksheets/sheet1.xml" → "xl/worksheets"). */
export function folderOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash);
}

/** A target's path against the folder of its source part ("" for the package's own relationships). */
function join(source: string, path: string): string {
  const clean = path.replace(/\\/g, "/");
  const segments = clean.startsWith("/") ? [] : folderOf(source).split("/").filter(Boolean);
  for (const segment of clean.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/**
 * A target with its escapes decoded, each run on its own (one stray "%" leaves the others decoded);
 * an escaped "/" stays escaped, so that it cannot climb out of the target's folder.
 */
function decode(target: string): string {
  return target.replace(/(?:%(?!2[Ff])[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The target without its fragment: a "#" written as such (an escaped one, %23, is part of the name). */
function withoutFragment(target: string): string {
  const hash = target.indexOf("#");
  return hash < 0 ? target : target.slice(0, hash);
}

/** The part a relationship's target names, resolved against its source part: a package-relative name. */
export function resolveTarget(source: string, target: string): string {
  return join(source, decode(withoutFragment(target)));
}

/**
 * The stored name of the part a target names, by `find` (which matches a name as the package stores
 * it, or null): under its decoded name, else under its name as written (with and without what follows
 * a "#", which some writers leave unescaped in a file name). Null when the package has none of them.
 */
export function findTarget(source: string, target: string, find: (name: string) => string | null): string | null {
  const written = [withoutFragment(target), target];
  const candidates = new Set([resolveTarget(source, target), ...written.map((t) => join(source, t))]);
  // A target written unescaped for a part stored under its escaped name.
  for (const t of written) candidates.add(join(source, encodeURI(t)));
  for (const name of candidates) {
    const found = find(name);
    if (found !== null) return found;
  }
  return null;
}

/** The part a target names: its stored name when the package has it, else the name it should have. */
export function partNamed(source: string, target: string, find: (name: string) => string | null): string {
  return findTarget(source, target, find) ?? resolveTarget(source, target);
}
