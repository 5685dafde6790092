import type { CellRange } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/check";
import { FRAMEWORKS, toLevel2 } from "../../src/core/framework";
import type { PatchValidation, SheetPatch } from "../../src/core/patch";
import type { Framework } from "../../src/core/report";
import {
  allTemplatePrompts,
  buildProjectTemplate,
  buildTemplate,
  findTemplateKind,
  suggestedNames,
  TEMPLATE_KINDS,
  UnknownTemplateKindError,
} from "../../src/core/template";
import { isPlaceholderText } from "../../src/core/values";
import { toA1 } from "../../src/core/address";
import { normalizeSnapshot } from "../../src/core/snapshot";
import { HEADER_INPUT_RULES, patchSnapshot, UNFILLED_TEMPLATE_RULES } from "./support";

const FRAMEWORK_IDS: Framework[] = ["legacy", "2021"];

function valueAt(patch: SheetPatch, row: number, col: number) {
  return patch.cells.find((c) => c.row === row && c.col === col)?.value ?? null;
}

function mergeAt(patch: SheetPatch, row: number, col: number): CellRange | undefined {
  return patch.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

function validationsOf<K extends PatchValidation["kind"]>(patch: SheetPatch, kind: K) {
  return patch.validations.filter((v): v is Extract<PatchValidation, { kind: K }> => v.kind === kind);
}

function covers(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}

describe("the standard level-2 rows (spec §7)", () => {
  test("legacy: 产出 (数量 ×2, 质量, 时效, 成本), 效益 (经济, 社会, 生态, 可持续影响), 满意度", () => {
    const { layout } = buildProjectTemplate({ framework: "legacy" });
    expect(layout.rows.map((r) => `${r.level1}/${r.level2}`)).toEqual([
      "产出指标/数量指标",
      "产出指标/数量指标",
      "产出指标/质量指标",
      "产出指标/时效指标",
      "产出指标/成本指标",
      "效益指标/经济效益指标",
      "效益指标/社会效益指标",
      "效益指标/生态效益指标",
      "效益指标/可持续影响指标",
      "满意度指标/服务对象满意度指标",
    ]);
    expect(layout.rows.every((r) => r.level3 === null)).toBe(true);
  });

  test("2021: 成本 (经济, 社会, 生态环境) first, 产出 without 成本", () => {
    const { layout } = buildProjectTemplate({ framework: "2021" });
    expect(layout.rows.map((r) => `${r.level1}/${r.level2}`)).toEqual([
      "成本指标/经济成本指标",
      "成本指标/社会成本指标",
      "成本指标/生态环境成本指标",
      "产出指标/数量指标",
      "产出指标/数量指标",
      "产出指标/质量指标",
      "产出指标/时效指标",
      "效益指标/经济效益指标",
      "效益指标/社会效益指标",
      "效益指标/生态效益指标",
      "效益指标/可持续影响指标",
      "满意度指标/服务对象满意度指标",
    ]);
  });
});

describe.each(FRAMEWORK_IDS)("framework %s", (framework) => {
  describe.each(TEMPLATE_KINDS.map((k) => k.id))("kind %s", (kindId) => {
    const { patch, layout, kind } = buildProjectTemplate({ framework, kind: kindId });
    const { columns } = layout;

    test("cells and merges stay inside the patch, merges never overlap, every merge has its cell", () => {
      for (const cell of patch.cells) {
        expect(cell.row).toBeLessThan(patch.rowCount);
        expect(cell.col).toBeLessThan(patch.colCount);
        if (cell.style !== undefined) expect(patch.styles[cell.style]).toBeDefined();
      }
      patch.merges.forEach((a, i) => {
        expect(a.bottom).toBeLessThan(patch.rowCount);
        expect(a.right).toBeLessThan(patch.colCount);
        patch.merges.slice(i + 1).forEach((b) => {
          const overlap = a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
          expect(overlap).toBe(false);
        });
        expect(patch.cells.some((c) => c.row === a.top && c.col === a.left)).toBe(true);
      });
      expect(patch.columnWidths).toHaveLength(patch.colCount);
      expect(patch.rowHeights.length).toBeLessThanOrEqual(patch.rowCount);
    });

    test("level-1 and level-2 cells are merged over their groups", () => {
      for (const level1 of FRAMEWORKS[framework].level1) {
        const rows = layout.rows.filter((r) => r.level1 === level1).map((r) => r.row);
        const top = Math.min(...rows);
        expect(valueAt(patch, top, columns.level1)).toBe(level1);
        if (rows.length > 1) {
          expect(mergeAt(patch, top, columns.level1)).toEqual({
            top,
            left: columns.level1,
            bottom: Math.max(...rows),
            right: columns.level1,
          });
        } else {
          expect(mergeAt(patch, top, columns.level1)).toBeUndefined();
        }
        for (const level2 of FRAMEWORKS[framework].level2[level1]) {
          const group = layout.rows.filter((r) => r.level2 === level2).map((r) => r.row);
          expect(group.length).toBeGreaterThanOrEqual(level2 === "数量指标" ? 2 : 1);
          expect(valueAt(patch, group[0], columns.level2)).toBe(level2);
          if (group.length > 1) {
            expect(mergeAt(patch, group[0], columns.level2)).toEqual({
              top: group[0],
              left: columns.level2,
              bottom: group[group.length - 1],
              right: columns.level2,
            });
          }
        }
      }
    });

    test("the kind's suggested names stand in the level-3 cells of their level 2, values left empty", () => {
      for (const level2 of new Set(layout.rows.map((r) => r.level2))) {
        const names = layout.rows
          .filter((r) => r.level2 === level2)
          .map((r) => valueAt(patch, r.row, columns.level3))
          .filter((v) => v !== null);
        expect(names).toEqual([...suggestedNames(kind, level2)]);
      }
      for (const row of layout.rows) {
        expect(valueAt(patch, row.row, columns.description)).toBeNull();
        expect(valueAt(patch, row.row, columns.value)).toBeNull();
        expect(valueAt(patch, row.row, columns.basis)).toBeNull();
      }
    });

    test("drop-downs: level 1 from the framework, level 2 depending on the row's level 1", () => {
      const rows = layout.rows.map((r) => r.row);
      const first = Math.min(...rows);
      const last = Math.max(...rows);
      const level1Lists = validationsOf(patch, "list");
      expect(level1Lists).toHaveLength(1);
      expect(level1Lists[0].range).toEqual({ top: first, left: columns.level1, bottom: last, right: columns.level1 });
      expect(level1Lists[0].items).toEqual(FRAMEWORKS[framework].level1);
      const [dependent, ...more] = validationsOf(patch, "dependentList");
      expect(more).toHaveLength(0);
      expect(dependent.range).toEqual({ top: first, left: columns.level2, bottom: last, right: columns.level2 });
      expect(dependent.parentCol).toBe(columns.level1);
      expect(dependent.listsName).toBe(framework);
      for (const level1 of FRAMEWORKS[framework].level1) {
        expect(dependent.lists[level1]).toEqual(FRAMEWORKS[framework].level2[level1]);
      }
      const all = FRAMEWORKS[framework].level1.flatMap((l1) => FRAMEWORKS[framework].level2[l1]);
      expect([...dependent.fallback].sort()).toEqual([...new Set(all)].sort());
    });

    test("amounts take a decimal ≥ 0, plan checkpoints 0 to 100, with prompts", () => {
      const decimals = validationsOf(patch, "decimal");
      for (const cell of [layout.budget, layout.fiscalFunds, layout.otherFunds]) {
        const rule = decimals.find((v) => covers(v.range, cell.row, cell.col));
        expect(rule?.min).toBe(0);
        expect(rule?.max).toBeUndefined();
        expect(rule?.prompt?.title).toBeTruthy();
        expect(rule?.error?.message).toBeTruthy();
      }
      expect(layout.checkpoints).toHaveLength(4);
      for (const cell of layout.checkpoints) {
        const rule = decimals.find((v) => covers(v.range, cell.row, cell.col));
        expect(rule).toMatchObject({ min: 0, max: 100 });
        expect(rule?.prompt?.message).toMatch(/百分比/);
      }
    });

    test("every input cell offers a prompt", () => {
      const inputs = [
        layout.unit,
        layout.projectCode,
        layout.projectName,
        layout.budget,
        layout.purpose,
        layout.goals,
        ...layout.rows.flatMap((r) =>
          [columns.level1, columns.level2, columns.level3, columns.description, columns.value, columns.basis].map(
            (col) => ({ row: r.row, col }),
          ),
        ),
      ];
      for (const cell of inputs) {
        const prompted = patch.validations.filter((v) => v.prompt && covers(v.range, cell.row, cell.col));
        expect(prompted).toHaveLength(1);
      }
    });

    test("no template text a checker would flag stands in any cell", () => {
      for (const cell of patch.cells) {
        if (typeof cell.value === "string") expect(isPlaceholderText(cell.value)).toBe(false);
      }
    });

    test("checking the untouched template finds one project table and says only that it is not filled in", () => {
      const result = checkWorkbook([patchSnapshot(patch, "项目绩效目标表")]);
      expect(result.tables).toHaveLength(1);
      expect(result.tables[0]).toMatchObject({ kind: "project", framework });
      expect(result.issues.map((i) => `${i.severity} ${i.rule}`)).toEqual(
        UNFILLED_TEMPLATE_RULES.map((rule) => `info ${rule}`),
      );
      // On the cell the user types first: the project name's input, not its label.
      const { layout } = buildProjectTemplate({ framework, kind: kind.id });
      expect(result.issues[0].cell).toBe(toA1(layout.projectName.row, layout.projectName.col));
      expect(result.summary).toEqual({ errors: 0, warnings: 0, infos: 1 });
    });

    test("once its name is typed in, the header findings paint the empty input cells, not the labels", () => {
      const { layout } = buildProjectTemplate({ framework, kind: kind.id });
      const sheet = patchSnapshot(patch, "项目绩效目标表");
      const named = normalizeSnapshot({
        ...sheet,
        values: sheet.values.map((row, r) =>
          row.map((value, c) =>
            r === layout.projectName.row && c === layout.projectName.col ? "会议保障经费" : value,
          ),
        ),
        texts: sheet.texts.map((row, r) =>
          row.map((text, c) => (r === layout.projectName.row && c === layout.projectName.col ? "会议保障经费" : text)),
        ),
      });
      const result = checkWorkbook([named]);
      expect(result.issues.some((i) => i.rule === "table-unfilled")).toBe(false);
      const inputs: Record<string, { row: number; col: number }> = {
        "project-code-missing": layout.projectCode,
        "budget-missing": layout.budget,
        "goals-missing": layout.goals,
      };
      for (const rule of HEADER_INPUT_RULES) {
        const found = result.issues.filter((i) => i.rule === rule).map((i) => i.cell);
        expect([rule, found]).toEqual([rule, [toA1(inputs[rule].row, inputs[rule].col)]]);
      }
    });
  });
});

describe("template kinds", () => {
  test("found by Chinese name and by ASCII alias", () => {
    const pairs = TEMPLATE_KINDS.map((k) => [k.name, k.id]);
    expect(pairs).toEqual([
      ["通用", "general"],
      ["会议", "meeting"],
      ["运转", "operation"],
      ["培训", "training"],
      ["信息化", "it"],
    ]);
    for (const [name, id] of pairs) {
      expect(findTemplateKind(name)?.id).toBe(id);
      expect(findTemplateKind(id)?.id).toBe(id);
      expect(findTemplateKind(` ${id.toUpperCase()} `)?.id).toBe(id);
    }
    expect(findTemplateKind("宴请")).toBeNull();
  });

  test("an unknown kind is refused with the valid ones listed", () => {
    expect(() => buildTemplate({ framework: "legacy", kind: "宴请" })).toThrow(UnknownTemplateKindError);
    expect(() => buildTemplate({ framework: "legacy", kind: "宴请" })).toThrow(/会议（meeting）/);
  });

  test.each(TEMPLATE_KINDS.map((k) => [k.name, k] as const))("%s: sound data", (_name, kind) => {
    for (const [level2, names] of Object.entries(kind.indicators)) {
      expect(toLevel2(level2)).toBe(level2);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) {
        expect(name.trim()).toBe(name);
        expect(isPlaceholderText(name)).toBe(false);
        // A satisfaction survey is not a benefit (satisfaction-as-benefit).
        if (level2.endsWith("效益指标") || level2 === "可持续影响指标") expect(name).not.toMatch(/满意/);
      }
    }
  });

  test("every kind but 通用 suggests names for 数量, 质量, 时效, cost and 满意度", () => {
    for (const kind of TEMPLATE_KINDS.filter((k) => k.id !== "general")) {
      for (const level2 of ["数量指标", "质量指标", "时效指标", "成本指标", "经济成本指标", "服务对象满意度指标"]) {
        expect(suggestedNames(kind, level2).length).toBeGreaterThan(0);
      }
    }
  });
});

describe("prompts", () => {
  test("fit Excel's limits: title ≤ 32 characters, message ≤ 255", () => {
    for (const prompt of allTemplatePrompts()) {
      expect(prompt.title.length).toBeGreaterThan(0);
      expect(prompt.title.length).toBeLessThanOrEqual(32);
      expect(prompt.message.length).toBeGreaterThan(0);
      expect(prompt.message.length).toBeLessThanOrEqual(255);
    }
  });

  test("Chinese by default, English on request; the form's labels stay Chinese", () => {
    const zh = buildTemplate({ framework: "legacy" });
    const en = buildTemplate({ framework: "legacy", language: "en" });
    const titles = (p: SheetPatch) => p.validations.map((v) => v.prompt?.title ?? "");
    expect(titles(zh)).toContain("项目编码");
    expect(titles(en)).toContain("Project code");
    expect(en.cells).toEqual(zh.cells);
  });
});
