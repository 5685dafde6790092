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
  const clean = path.replace(/\\/g, "/").split("#")[0]!;
  const segments = clean.startsWith("/") ? [] : folderOf(source).split("/").filter(Boolean);
  for (const segment of clean.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** The part a relationship's target names, resolved against its source part: a package-relative name. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A stray "%" is taken literally.
  }
  return join(source, decoded);
}

/**
 * The stored name of the part a target names, by `find` (which matches a name as the package stores
 * it, or null): under its decoded name, else under its name as written. Null when the package has
 * neither.
 */
export function findTarget(source: string, target: string, find: (name: string) => string | null): string | null {
  const found = find(resolveTarget(source, target));
  if (found !== null || !target.includes("%")) return found;
  return find(join(source, target));
}
