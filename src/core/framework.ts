/**
 * The two indicator frameworks (spec §3): level-1 names and the level-2 names under each.
 */
import type { Framework } from "./report";
import { normalizeText } from "./text";

export type Level1 = "成本指标" | "产出指标" | "效益指标" | "满意度指标";

interface FrameworkDefinition {
  id: Framework;
  /** Level-1 names in the order a table lists them. */
  level1: Level1[];
  /** Level-2 names under each level 1, in order. */
  level2: Record<Level1, string[]>;
}

const BENEFIT = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"];
const SATISFACTION = ["服务对象满意度指标"];

export const FRAMEWORKS: Record<Framework, FrameworkDefinition> = {
  legacy: {
    id: "legacy",
    level1: ["产出指标", "效益指标", "满意度指标"],
    level2: {
      成本指标: [],
      产出指标: ["数量指标", "质量指标", "时效指标", "成本指标"],
      效益指标: BENEFIT,
      满意度指标: SATISFACTION,
    },
  },
  "2021": {
    id: "2021",
    level1: ["成本指标", "产出指标", "效益指标", "满意度指标"],
    level2: {
      成本指标: ["经济成本指标", "社会成本指标", "生态环境成本指标"],
      产出指标: ["数量指标", "质量指标", "时效指标"],
      效益指标: BENEFIT,
      满意度指标: SATISFACTION,
    },
  },
};

const LEVEL1_NAMES: Level1[] = ["成本指标", "产出指标", "效益指标", "满意度指标"];
const ALL_LEVEL2 = new Set<string>(
  [...FRAMEWORKS.legacy.level1, ...FRAMEWORKS["2021"].level1].flatMap((l1) => [
    ...FRAMEWORKS.legacy.level2[l1],
    ...FRAMEWORKS["2021"].level2[l1],
  ]),
);
/** Level-2 names only the 2021 framework has; any of them marks a table as 2021. */
export const COST_LEVEL2_2021 = FRAMEWORKS["2021"].level2["成本指标"];

/** Names seen on official forms for the standard levels (spec §2b), after the notes are dropped. */
const LOCAL_NAMES: Record<string, string> = {
  社会公众或服务对象满意度指标: "服务对象满意度指标",
  社会公众或服务对象满意度: "服务对象满意度指标",
  预期产出指标: "产出指标",
  效果指标: "效益指标",
  "预算(或投资规模)控制指标": "成本指标",
  预算控制指标: "成本指标",
  投资规模控制指标: "成本指标",
  建筑规模指标: "数量指标",
  工期指标: "时效指标",
};
/** 社会、经济、生态效益指标 and the like: one level 2 naming several benefits stands for a 效益 level 2. */
const JOINT_BENEFIT = /^(?:(?:社会|经济|生态|可持续)[、,，及和与]?){2,4}效益指标$/;

const ENUMERATOR = /^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])/;
/** A trailing note: a bracketed remark, a score or weight band ((40-50)分, (20分), 30%), 等. */
const TRAILING_NOTE = /(?:[(（][^()（）]*[)）]分?|\d+(?:\.\d+)?(?:[-~～至]\d+(?:\.\d+)?)?(?:分|%)|等)$/;

/** The name without enumerator, trailing notes, score bands or 等 (white space is already gone). */
function withoutNotes(text: string): string {
  let t = normalizeText(text).replace(ENUMERATOR, "");
  for (let i = 0; i < 4; i++) {
    if (LOCAL_NAMES[t]) return t; // 预算(或投资规模)控制指标 keeps its bracket
    const next = t.replace(TRAILING_NOTE, "");
    if (next === t || next === "") break;
    t = next;
  }
  return t;
}

/** Canonical indicator name: notes dropped, a missing trailing 指标 restored and local names mapped. */
function canonical(text: string): string {
  // "一、产出指标", "1.产出指标", "（一）产出指标": the enumerator is not part of the name.
  const t = withoutNotes(text);
  if (LOCAL_NAMES[t]) return LOCAL_NAMES[t];
  const named = t.endsWith("指标") ? t : `${t}指标`;
  return LOCAL_NAMES[named] ?? named;
}

/** The level-1 name a cell's text stands for, or null when it is none. */
export function toLevel1(text: string): Level1 | null {
  const name = canonical(text);
  return (LEVEL1_NAMES as string[]).includes(name) ? (name as Level1) : null;
}

/** The level-2 name a cell's text stands for (in either framework), or null when it is none. */
export function toLevel2(text: string): string | null {
  const name = canonical(text);
  if (ALL_LEVEL2.has(name)) return name;
  // 满意度指标 | 满意度指标 (level 1 repeated as its level 2) is common on county forms.
  if (name === "满意度指标") return "服务对象满意度指标";
  return JOINT_BENEFIT.test(name) ? "社会效益指标" : null;
}

/** Dimensions an unknown level name may still show by a word it contains (spec §2b). */
const DIMENSIONS: readonly [RegExp, string][] = [
  [/数量/, "数量指标"],
  [/质量/, "质量指标"],
  [/时效|时限|进度/, "时效指标"],
  [/成本/, "成本指标"],
  [/满意/, "服务对象满意度指标"],
];

/**
 * The dimension an unknown level-2 name stands for by a word it contains (数量, 质量, 时效, 成本, 满意),
 * or null; a name with two such words (数量质量指标) stands for none.
 */
export function dimensionOf(text: string): string | null {
  const t = withoutNotes(text);
  const hits = DIMENSIONS.filter(([pattern]) => pattern.test(t));
  return hits.length === 1 ? hits[0][1] : null;
}

/** The level-1 names a level 2 belongs to in a framework (成本指标 is under 产出指标 only in legacy). */
export function parentsOf(level2: string, framework: Framework): readonly Level1[] {
  const known = PARENTS[framework];
  let parents = known.get(level2);
  if (parents === undefined) {
    const def = FRAMEWORKS[framework];
    parents = def.level1.filter((l1) => def.level2[l1].includes(level2));
    known.set(level2, parents);
  }
  return parents;
}

/** parentsOf, worked out once per level-2 name (level 2s are canonical names, a few dozen at most). */
const PARENTS: Record<Framework, Map<string, readonly Level1[]>> = { legacy: new Map(), "2021": new Map() };
