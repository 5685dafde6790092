/**
 * Rule messages as data and the rule pages made from them: every message a rule declares is used, every
 * message it reports is declared, and docs/rules/ and README's rule table are what `npm run docs:rules`
 * writes now.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { RULES } from "../../src/core/rules";
import { ruleDocs } from "../../scripts/rule-docs";

const ROOT = path.join(__dirname, "..", "..");
const source = (id: string) => readFileSync(path.join(ROOT, "src", "core", "rules", `${id}.ts`), "utf8");

/** Message ids a rule's check reports: the string literals of each messageId expression (ternaries included). */
function reportedIds(text: string): Set<string> {
  const ids = new Set<string>();
  const expressions = /messageId:([\s\S]*?)(?=,\s*(?:data|severity|fix|row|col)\b|,?\s*\}\s*\)|,?\s*\}\s*;)/g;
  for (const match of text.matchAll(expressions)) {
    for (const literal of match[1].matchAll(/"([A-Za-z0-9]+)"/g)) ids.add(literal[1]);
  }
  return ids;
}

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))("rule %s", (id, rule) => {
  const declared = Object.keys(rule.meta.messages);

  test("lives in src/core/rules/<id>.ts and declares at least one message", () => {
    expect(source(id)).toContain(`id: "${id}"`);
    expect(declared.length).toBeGreaterThan(0);
  });

  test("reports every message it declares, and declares every message it reports", () => {
    const reported = reportedIds(source(id));
    expect({ unused: declared.filter((key) => !reported.has(key)) }).toEqual({ unused: [] });
    expect({ undeclared: [...reported].filter((key) => !declared.includes(key)) }).toEqual({ undeclared: [] });
  });

  test("has a bad and a good example", () => {
    for (const kind of ["bad", "good"] as const) {
      expect(rule.meta.examples[kind].cells.length).toBeGreaterThan(0);
      expect(rule.meta.examples[kind].note.trim()).not.toBe("");
    }
  });
});

describe("the generated pages", () => {
  const files = ruleDocs(readFileSync(path.join(ROOT, "README.md"), "utf8"));

  test("one page per rule, plus the index", () => {
    expect([...files.keys()].filter((file) => /^docs\/rules\/[a-z0-9-]+\.md$/.test(file)).sort()).toEqual(
      RULES.map((rule) => `docs/rules/${rule.meta.id}.md`).sort(),
    );
  });

  test("docs/rules/ holds exactly those pages", () => {
    const onDisk = readdirSync(path.join(ROOT, "docs", "rules")).map((name) => `docs/rules/${name}`);
    expect(onDisk.sort()).toEqual([...files.keys()].filter((file) => file.startsWith("docs/")).sort());
  });

  test.each([...files.keys()])("%s is up to date (run `npm run docs:rules`)", (file) => {
    expect(readFileSync(path.join(ROOT, file), "utf8")).toBe(files.get(file));
  });

  test("README's rule table links every rule to its page", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const rule of RULES) expect(readme).toContain(`[\`${rule.meta.id}\`](docs/rules/${rule.meta.id}.md)`);
  });
});
