/**
 * The two indicator frameworks (spec §3): level-1 names and the level-2 names under each.
 */
import type { Framework } from "./report";
import { normalizeText } from "./text";

export type Level1 = "成本指标" | "产出指标" | "效益指标" | "满意度指标";

export interface FrameworkDefinition {
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

const SPELLING_ALIASES: Record<string, string> = {
  社会公众或服务对象满意度指标: "服务对象满意度指标",
  社会公众或服务对象满意度: "服务对象满意度指标",
};

const ENUMERATOR = /^(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十\d]{1,3}[、.．])/;

/** Canonical indicator name: normalised, with a missing trailing 指标 restored and known aliases mapped. */
function canonical(text: string): string {
  // "一、产出指标", "1.产出指标", "（一）产出指标": the enumerator is not part of the name.
  const t = normalizeText(text).replace(ENUMERATOR, "");
  if (SPELLING_ALIASES[t]) return SPELLING_ALIASES[t];
  return t.endsWith("指标") ? t : `${t}指标`;
}

/** The level-1 name a cell's text stands for, or null when it is none. */
export function toLevel1(text: string): Level1 | null {
  const name = canonical(text);
  return (LEVEL1_NAMES as string[]).includes(name) ? (name as Level1) : null;
}

/** The level-2 name a cell's text stands for (in either framework), or null when it is none. */
export function toLevel2(text: string): string | null {
  const name = canonical(text);
  return ALL_LEVEL2.has(name) ? name : null;
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
