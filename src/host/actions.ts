/** What each host operation is called in a failure's sentence, Chinese and English (both hosts). */
export type HostOperation =
  "read" | "highlight" | "clear" | "select" | "template" | "listen" | "fix" | "undo" | "export";

export const HOST_ACTIONS: Record<HostOperation, { zh: string; en: string }> = {
  read: { zh: "读取工作表", en: "read the worksheet" },
  highlight: { zh: "标记问题单元格", en: "highlight the findings" },
  clear: { zh: "清除标记", en: "clear the highlights" },
  select: { zh: "选中单元格", en: "select the cell" },
  template: { zh: "插入模板", en: "insert the template" },
  listen: { zh: "跟踪选中的单元格", en: "follow the selected cell" },
  fix: { zh: "应用修改", en: "apply the fix" },
  undo: { zh: "撤销修改", en: "undo the fix" },
  export: { zh: "导出结果", en: "export the findings" },
};
