/** The rule catalogue (spec §5), in the order findings on one cell are listed. */
import { basisMissing } from "./basis-missing";
import { budgetMissing } from "./budget-missing";
import { budgetSourcesMismatch } from "./budget-sources-mismatch";
import { costExceedsBudget } from "./cost-exceeds-budget";
import { dateSerial } from "./date-serial";
import { descriptionMissing } from "./description-missing";
import { descriptionRepeatsName } from "./description-repeats-name";
import { formulaError } from "./formula-error";
import { frameworkMixed } from "./framework-mixed";
import { goalsMissing } from "./goals-missing";
import { gridColumnMissing } from "./grid-column-missing";
import { headerBlockMissing } from "./header-block-missing";
import { indicatorDuplicate } from "./indicator-duplicate";
import { layoutUnsupported } from "./layout-unsupported";
import { level1Missing } from "./level1-missing";
import { level1Unknown } from "./level1-unknown";
import { level2Unknown } from "./level2-unknown";
import { level2WrongParent } from "./level2-wrong-parent";
import { level3Missing } from "./level3-missing";
import { noTable } from "./no-table";
import { outputDimensionMissing } from "./output-dimension-missing";
import { percentOutOfRange } from "./percent-out-of-range";
import { placeholderText } from "./placeholder-text";
import { projectCodeFormat } from "./project-code-format";
import { projectCodeMissing } from "./project-code-missing";
import { projectCodeYear } from "./project-code-year";
import { projectNameMissing } from "./project-name-missing";
import type { Rule } from "./rule";
import { satisfactionAsBenefit } from "./satisfaction-as-benefit";
import { satisfactionTarget } from "./satisfaction-target";
import { spendingPlanDecreasing } from "./spending-plan-decreasing";
import { strayContent } from "./stray-content";
import { tableUnfilled } from "./table-unfilled";
import { spendingPlanEnd } from "./spending-plan-end";
import { spendingPlanUnit } from "./spending-plan-unit";
import { timelinessFormat } from "./timeliness-format";
import { unitMissing } from "./unit-missing";
import { valueMissing } from "./value-missing";
import { valueNormalizable } from "./value-normalizable";
import { valueNotNumeric } from "./value-not-numeric";
import { valueOptionList } from "./value-option-list";
import { valueVague } from "./value-vague";

/** The rules by area, in the order findings on one cell are listed (areas head the README's table). */
export const RULE_AREAS: readonly { area: string; rules: readonly Rule[] }[] = [
  {
    area: "Structure",
    rules: [
      noTable,
      strayContent,
      tableUnfilled,
      layoutUnsupported,
      gridColumnMissing,
      level1Unknown,
      level2Unknown,
      level2WrongParent,
      frameworkMixed,
      level3Missing,
      level1Missing,
      outputDimensionMissing,
      indicatorDuplicate,
      satisfactionAsBenefit,
    ],
  },
  {
    area: "Values",
    rules: [
      formulaError,
      placeholderText,
      valueOptionList,
      dateSerial,
      valueMissing,
      valueNotNumeric,
      valueVague,
      unitMissing,
      percentOutOfRange,
      satisfactionTarget,
      timelinessFormat,
      costExceedsBudget,
      descriptionRepeatsName,
      descriptionMissing,
      basisMissing,
      valueNormalizable,
    ],
  },
  {
    area: "Project header",
    rules: [
      headerBlockMissing,
      projectNameMissing,
      projectCodeMissing,
      projectCodeFormat,
      projectCodeYear,
      budgetMissing,
      budgetSourcesMismatch,
      spendingPlanDecreasing,
      spendingPlanEnd,
      spendingPlanUnit,
      goalsMissing,
    ],
  },
];

export const RULES: readonly Rule[] = RULE_AREAS.flatMap((group) => group.rules);
