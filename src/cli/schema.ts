/**
 * `target-table schema [report|config]`: prints the JSON Schema of the JSON report (`check --json`)
 * or of a profile (target-table.config.json), generated from their zod schemas.
 */
import type { CliIO } from "./io";
import { usageError } from "./usage";

export async function runSchema(argv: readonly string[], io: CliIO): Promise<number> {
  const which = argv[0] ?? "report";
  if (argv.length > 1 || (which !== "report" && which !== "config")) {
    throw usageError(
      `schema 后只能跟 report（默认）或 config，而不是“${argv.join(" ")}”。`,
      `schema takes report (the default) or config, not "${argv.join(" ")}"`,
    );
  }
  const { z } = await import("zod");
  const schema =
    which === "report"
      ? (await import("../core/report")).reportSchema
      : await (await import("./profile")).profileSchema();
  const json = z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<string, unknown>;
  const titled = {
    $schema: json.$schema,
    title: which === "report" ? "target-table report, version 1" : "target-table profile",
    ...json,
  };
  io.out(`${JSON.stringify(titled, null, 2)}\n`);
  return 0;
}
