/** The streamed JSON writer gives exactly JSON.stringify(value, null, 2), indented to its place. */
import { ChunkedWriter, writePrettyJson } from "../../src/cli/json-stream";

function streamed(value: unknown, indent = ""): { text: string; writes: number } {
  let text = "";
  let writes = 0;
  const writer = new ChunkedWriter((chunk) => {
    text += chunk;
    writes++;
  });
  writePrettyJson(value, indent, writer);
  writer.flush();
  return { text, writes };
}

const finding = (i: number) => ({
  rule: "value-vague",
  severity: i % 3 === 0 ? "error" : "warning",
  cell: `Sheet1!C${i}`,
  message: `第 ${i} 行：“有效提高”不可衡量\n换行 "引号" \\ 反斜杠`,
  fix: i % 2 === 0 ? undefined : { was: "有效提高", value: "≥95%" },
  tags: i % 5 === 0 ? [] : ["a", undefined, null, () => 1],
  when: new Date(Date.UTC(2026, 11, 6, i % 24)),
});

describe("writePrettyJson", () => {
  const cases: [string, unknown][] = [
    [
      "a report",
      {
        file: "a.xlsx",
        tables: [{ sheet: "表1", range: "A1:H20" }],
        issues: [finding(1), finding(2)],
        summary: { errors: 1, warnings: 1, infos: 0 },
        error: undefined,
      },
    ],
    ["empty arrays and objects", { tables: [], issues: [], summary: {}, nested: { a: [], b: {} } }],
    ["top-level scalars", 42],
    ["a string", "一\n二"],
    ["null", null],
    ["an array with holes left out", [1, undefined, () => 2, Symbol("s"), { x: undefined, y: 1 }]],
    ["deep nesting", { a: { b: { c: { d: [1, { e: [2, 3] }] } } } }],
    ["an object with toJSON at the top", { toJSON: () => ({ replaced: [1, 2] }) }],
  ];

  it.each(cases)("%s: the same bytes as JSON.stringify(value, null, 2)", (_, value) => {
    expect(streamed(value).text).toBe(JSON.stringify(value, null, 2));
  });

  it("indents every line after the first, as the report's files array needs", () => {
    const value = { issues: [finding(3)], summary: { errors: 1 } };
    expect(streamed(value, "    ").text).toBe(JSON.stringify(value, null, 2).replace(/\n/g, "\n    "));
  });

  it("writes a large report in chunks, never as one string", () => {
    const value = { issues: Array.from({ length: 5000 }, (_, i) => finding(i)) };
    const { text, writes } = streamed(value);
    expect(text).toBe(JSON.stringify(value, null, 2));
    expect(writes).toBeGreaterThan(20);
  });
});
