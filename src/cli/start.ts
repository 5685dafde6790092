/**
 * What the command line sets before anything else is loaded: imported first by main.ts, so that it
 * runs before the other modules of the bundle are evaluated.
 */
import { tuneV8 } from "./heap";

tuneV8();
