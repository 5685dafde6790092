/**
 * The Excel executor: queues work into round trips (context.sync) as full as the payload budget
 * allows, so the number of round trips follows the amount of work, not the number of calls.
 */
import { officeErrorCode } from "./errors";

/** Work for one round trip, with what it adds to the request and the response, in characters. */
export interface Step {
  request: number;
  response: number;
  queue(): void;
}

/**
 * Fills round trips with steps up to the payload budget and sends them; it calls itself for the
 * steps that did not fit.
 */
export async function runSteps(
  context: Excel.RequestContext,
  steps: readonly Step[],
  budget: number,
  /**
   * A round trip Excel refuses as too large ran nothing, so it can be sent again in halves: for
   * writes when the request was too large, for reads when either was (steps must then be safe to
   * queue twice).
   */
  splitRefused: "no" | "writes" | "reads" = "no",
): Promise<void> {
  if (steps.length === 0) return;
  let request = 0;
  let response = 0;
  let taken = 0;
  for (const step of steps) {
    if (taken > 0 && (request + step.request > budget || response + step.response > budget)) break;
    step.queue();
    request += step.request;
    response += step.response;
    taken++;
  }
  try {
    await context.sync();
  } catch (error) {
    const code = officeErrorCode(error);
    const refused =
      code === "RequestPayloadSizeLimitExceeded" ||
      (splitRefused === "reads" && code === "ResponsePayloadSizeLimitExceeded");
    if (splitRefused !== "no" && refused && taken > 1) {
      const size = code === "RequestPayloadSizeLimitExceeded" ? request : response;
      return runSteps(context, steps, Math.floor(Math.min(budget, size) / 2), splitRefused);
    }
    throw error;
  }
  return runSteps(context, steps.slice(taken), budget, splitRefused);
}
