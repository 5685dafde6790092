/**
 * The proxy machinery of the fake: a request context that queues actions and runs them at
 * sync, proxies whose properties can be read only once loaded and synced, client results,
 * errors shaped like OfficeExtension.Error, and the sync counter with payload estimates.
 * Plain TypeScript, no Node built-ins: it is bundled into the browser harness too.
 */
import { startGeneration } from "./model";
import type { FakeWorkbookState } from "./state";

/** ExcelApi versions the fake can pretend to support. */
export type ExcelApiVersion = "1.9" | "1.13" | "1.18";

export type FakePlatform = "PC" | "Mac" | "OfficeOnline";

interface FakeEngineOptions {
  excelApi: ExcelApiVersion;
  platform: FakePlatform;
  /** Request and response size cap in characters of JSON, as Excel on the web enforces (5 MB); null for none. */
  payloadLimit: number | null;
}

/** What one context.sync() cost. */
export interface SyncRecord {
  index: number;
  actions: number;
  /** Estimated size of the request: JSON length of the queued actions. */
  requestChars: number;
  /** Estimated size of the response: JSON length of everything loaded. */
  responseChars: number;
  /** The error code when the sync failed. */
  error: string | null;
}

/** Shaped like OfficeExtension.Error, which is what context.sync() rejects with in Excel. */
export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  readonly traceMessages: string[] = [];
  readonly innerError = null;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

const MESSAGES: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of Excel.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidOperation: "The operation is invalid for the object.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  NotImplemented: "The requested feature isn't implemented.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
};

export function officeError(code: string, detail?: string, location?: string): FakeOfficeError {
  const base = MESSAGES[code] ?? "An internal error has occurred.";
  return new FakeOfficeError(code, detail ? `${base} ${detail}` : base, location);
}

function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 !== b1 ? a1 - b1 : a2 - b2;
}

/** An event the engine raises after a sync, or when the simulated user selects cells. */
export interface SelectionChangedArgs {
  address: string;
  worksheetId: string;
  type: "WorksheetSelectionChanged";
  source: "Local";
}

export type SelectionHandler = (args: SelectionChangedArgs) => Promise<unknown> | unknown;

/** Holds the workbook state and everything that outlives one Excel.run. */
export class FakeEngine {
  readonly syncs: SyncRecord[] = [];
  /** Called before each sync runs its actions: the place to simulate a change by the user or a failure. */
  beforeSync: ((syncIndex: number) => void) | null = null;
  readonly selectionHandlers = new Set<SelectionHandler>();
  private pendingSelectionEvents: SelectionChangedArgs[] = [];
  private counter = 0;

  constructor(
    public state: FakeWorkbookState,
    readonly options: FakeEngineOptions,
  ) {}

  supports(version: string): boolean {
    return compareVersions(this.options.excelApi, version) >= 0;
  }

  nextId(prefix: string): string {
    this.counter++;
    return `{${prefix}-${String(this.counter).padStart(8, "0")}}`;
  }

  queueSelectionEvent(args: SelectionChangedArgs): void {
    this.pendingSelectionEvents.push(args);
  }

  /** Delivers queued selection events to every handler, as Excel does once a batch has run. */
  async flushSelectionEvents(): Promise<void> {
    const events = this.pendingSelectionEvents;
    this.pendingSelectionEvents = [];
    for (const event of events) {
      for (const handler of [...this.selectionHandlers]) await handler(event);
    }
  }
}

export interface QueuedAction {
  /** JSON-able description, measured for the request size. */
  request: unknown;
  /** The requirement set the action needs, e.g. "1.13". */
  requires?: ExcelApiVersion;
  /** Applies the action to the state; returns what goes back to the add-in (JSON-able), if anything. */
  run(): unknown;
  /** Hands the response to the proxies, only once the whole sync succeeded. */
  commit?(response: unknown): void;
}

export class FakeRequestContext {
  private queue: QueuedAction[] = [];
  /** Set by the object model once constructed (see objects.ts). */
  workbook!: unknown;

  constructor(readonly engine: FakeEngine) {}

  enqueue(action: QueuedAction): void {
    this.queue.push(action);
  }

  get pendingActions(): number {
    return this.queue.length;
  }

  /** Kept for API compatibility; the fake has no object tracking to do. */
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  async sync<T>(passThroughValue?: T): Promise<T> {
    await Promise.resolve();
    const engine = this.engine;
    const index = engine.syncs.length;
    engine.beforeSync?.(index);
    startGeneration();
    const actions = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      index,
      actions: actions.length,
      requestChars: JSON.stringify(actions.map((a) => a.request)).length,
      responseChars: 0,
      error: null,
    };
    engine.syncs.push(record);
    const limit = engine.options.payloadLimit;
    const fail = (error: FakeOfficeError): never => {
      record.error = error.code;
      throw error;
    };
    if (limit !== null && record.requestChars > limit) fail(officeError("RequestPayloadSizeLimitExceeded"));
    const responses: unknown[] = [];
    for (const action of actions) {
      if (action.requires && !engine.supports(action.requires)) {
        fail(officeError("ApiNotFound", `(ExcelApi ${action.requires})`, JSON.stringify(action.request)));
      }
      try {
        const response = action.run();
        responses.push(response === undefined ? null : response);
      } catch (error) {
        if (error instanceof FakeOfficeError) fail(error);
        throw error;
      }
    }
    record.responseChars = JSON.stringify(responses).length;
    if (limit !== null && record.responseChars > limit) fail(officeError("ResponsePayloadSizeLimitExceeded"));
    actions.forEach((action, i) => action.commit?.(responses[i]));
    setTimeout(() => void engine.flushSelectionEvents(), 0);
    return passThroughValue as T;
  }
}

/** The value of a method that returns data (getXml, getCellProperties): readable only after sync. */
export class FakeClientResult<T> {
  private loaded = false;
  private result: T | undefined;

  get value(): T {
    if (!this.loaded) {
      throw new FakeOfficeError(
        "ValueNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
      );
    }
    return this.result as T;
  }

  /** Called by the fake at commit time. */
  deliver(value: T): void {
    this.result = value;
    this.loaded = true;
  }
}

/** A parsed load() argument: scalar properties here, nested selections under navigation properties. */
interface LoadTree {
  props: Set<string>;
  nav: Map<string, LoadTree>;
}

function emptyTree(): LoadTree {
  return { props: new Set(), nav: new Map() };
}

function addPath(tree: LoadTree, path: string): void {
  const parts = path
    .split("/")
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return;
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    let child = node.nav.get(key);
    if (!child) {
      child = emptyTree();
      node.nav.set(key, child);
    }
    node = child;
  }
  node.props.add(parts[parts.length - 1]!);
}

function addObject(tree: LoadTree, spec: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(spec)) {
    if (value === true) tree.props.add(key);
    else if (value && typeof value === "object") {
      const child = tree.nav.get(key) ?? emptyTree();
      tree.nav.set(key, child);
      addObject(child, value as Record<string, unknown>);
    }
  }
}

/** Accepts every form Office.js takes: "a, b/c", ["a", "b"], { select, expand }, { a: true, b: { c: true } }. */
function parseLoadSpec(spec: unknown): LoadTree {
  const tree = emptyTree();
  if (spec === undefined || spec === null) return tree;
  if (typeof spec === "string") spec.split(",").forEach((p) => addPath(tree, p));
  else if (Array.isArray(spec)) spec.forEach((p) => addPath(tree, String(p)));
  else if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if (typeof o.select === "string" || typeof o.expand === "string") {
      if (typeof o.select === "string") o.select.split(",").forEach((p) => addPath(tree, p));
      if (typeof o.expand === "string") o.expand.split(",").forEach((p) => addPath(tree, `${p.trim()}/$scalars`));
    } else addObject(tree, o);
  }
  return tree;
}

/**
 * A proxy for one object in the workbook. Its reference (which sheet, which cells) is worked out
 * when the action that created it runs, inside a sync, and kept from then on.
 */
export abstract class FakeClientObject<Ref> {
  private resolved = false;
  private ref: Ref | null = null;
  private synced = false;
  private readonly loadedValues = new Map<string, unknown>();
  private readonly navCache = new Map<string, FakeClientObject<unknown>>();

  protected constructor(
    readonly context: FakeRequestContext,
    /** For the request payload and error messages: how Excel would find this object. */
    protected readonly path: string,
    private readonly resolver: () => Ref | null,
  ) {}

  get engine(): FakeEngine {
    return this.context.engine;
  }

  get state(): FakeWorkbookState {
    return this.context.engine.state;
  }

  /** Queues the creation of this proxy so that it resolves at its place in the batch. */
  protected queueCreation(request: Record<string, unknown>, requires?: ExcelApiVersion): this {
    this.context.enqueue({
      request: { ...request, path: this.path },
      requires,
      run: () => {
        this.resolve();
        return undefined;
      },
      commit: () => {
        this.synced = true;
      },
    });
    return this;
  }

  /** Marks a proxy built from loaded data as already resolved and synced (used by collections). */
  adopt(ref: Ref): this {
    this.resolved = true;
    this.ref = ref;
    this.synced = true;
    return this;
  }

  protected resolve(): Ref | null {
    if (!this.resolved) {
      this.ref = this.resolver();
      this.resolved = true;
    }
    return this.ref;
  }

  /** The reference, or an error when this is a null object: the fake does not guess what Excel does then. */
  protected target(): Ref {
    const ref = this.resolve();
    if (ref === null) throw officeError("ItemNotFound", `${this.path} is a null object.`);
    return ref;
  }

  get isNullObject(): boolean {
    if (!this.synced) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        "The property 'isNullObject' is not available. Call \"context.sync()\" before reading it.",
      );
    }
    return this.ref === null;
  }

  /** Reads a loaded property; throws PropertyNotLoaded like Office.js when it was not loaded and synced. */
  protected loaded<T>(property: string): T {
    if (!this.loadedValues.has(property)) throw propertyNotLoaded(property);
    return this.loadedValues.get(property) as T;
  }

  /** Queues a property write, applied when the batch runs. */
  protected queueSet(property: string, value: unknown, apply: (ref: Ref) => void, requires?: ExcelApiVersion): void {
    this.context.enqueue({
      request: { op: "set", path: this.path, property, value },
      requires,
      run: () => {
        apply(this.target());
        return undefined;
      },
    });
  }

  /** Queues a method call that returns nothing. */
  protected queueCall(method: string, args: unknown[], apply: (ref: Ref) => void, requires?: ExcelApiVersion): void {
    this.context.enqueue({
      request: { op: "call", path: this.path, method, args },
      requires,
      run: () => {
        apply(this.target());
        return undefined;
      },
    });
  }

  /** Queues a method call whose result comes back at sync. */
  protected queueResult<T>(
    method: string,
    args: unknown[],
    compute: (ref: Ref) => T,
    requires?: ExcelApiVersion,
  ): FakeClientResult<T> {
    const result = new FakeClientResult<T>();
    this.context.enqueue({
      request: { op: "call", path: this.path, method, args },
      requires,
      run: () => compute(this.target()),
      commit: (response) => result.deliver(response as T),
    });
    return result;
  }

  /** A navigation property's proxy, created once per parent proxy. */
  protected nav<T extends FakeClientObject<unknown>>(name: string, create: () => T): T {
    let child = this.navCache.get(name);
    if (!child) {
      child = create();
      this.navCache.set(name, child);
    }
    return child as T;
  }

  load(spec?: unknown): this {
    const tree = parseLoadSpec(spec);
    let pending: (() => void) | null = null;
    this.context.enqueue({
      request: { op: "load", path: this.path, spec: spec ?? null },
      run: () => {
        const { data, commit } = this.readTree(tree);
        pending = commit;
        return data;
      },
      commit: () => pending?.(),
    });
    return this;
  }

  /** Reads the selection now (inside the sync) and returns a commit that fills the proxies afterwards. */
  readTree(tree: LoadTree): { data: unknown; commit: () => void } {
    const ref = this.resolve();
    if (ref === null) {
      return { data: { isNullObject: true }, commit: () => (this.synced = true) };
    }
    const props =
      tree.props.has("$scalars") || tree.props.size + tree.nav.size === 0 ? this.scalarNames() : [...tree.props];
    const data: Record<string, unknown> = {};
    const commits: (() => void)[] = [];
    for (const property of props) {
      if (property === "$scalars") continue;
      if (this.navigationNames().includes(property)) {
        const child = this.navigation(property);
        const sub = child.readTree({ props: new Set(["$scalars"]), nav: new Map() });
        data[property] = sub.data;
        commits.push(sub.commit);
      } else data[property] = this.readProperty(property, ref);
    }
    for (const [name, sub] of tree.nav) {
      const child = this.navigation(name);
      const read = child.readTree(sub);
      data[name] = read.data;
      commits.push(read.commit);
    }
    return {
      data,
      commit: () => {
        this.synced = true;
        for (const property of props)
          if (property !== "$scalars" && !this.navigationNames().includes(property))
            this.loadedValues.set(property, data[property]);
        commits.forEach((c) => c());
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loadedValues);
  }

  /** The object's scalar properties, loaded by a bare load(). */
  protected abstract scalarNames(): string[];
  /** Reads one scalar property of the referenced object (inside a sync). */
  protected abstract readProperty(property: string, ref: Ref): unknown;
  /** Names of navigation properties that load() may expand. */
  protected navigationNames(): string[] {
    return [];
  }
  protected navigation(name: string): FakeClientObject<unknown> {
    throw officeError("InvalidArgument", `${this.path} has no navigation property "${name}".`);
  }
}

/** A collection proxy: load("items/name") fills items with proxies built from the loaded data. */
export abstract class FakeCollection<
  Ref,
  ItemRef,
  Item extends FakeClientObject<ItemRef>,
> extends FakeClientObject<Ref> {
  private loadedItems: Item[] | null = null;

  get items(): Item[] {
    if (this.loadedItems === null) throw propertyNotLoaded("items");
    return this.loadedItems;
  }

  protected scalarNames(): string[] {
    return [];
  }

  protected readProperty(property: string): unknown {
    throw officeError("InvalidArgument", `${this.path} has no property "${property}".`);
  }

  override readTree(tree: LoadTree): { data: unknown; commit: () => void } {
    const ref = this.target();
    const itemTree = tree.nav.get("items") ?? { props: new Set(["$scalars"]), nav: new Map() };
    if (tree.props.has("items")) itemTree.props.add("$scalars");
    const refs = this.itemRefs(ref);
    const items = refs.map((itemRef) => this.itemProxy(itemRef));
    const reads = items.map((item) => item.readTree(itemTree));
    return {
      data: { items: reads.map((r) => r.data) },
      commit: () => {
        reads.forEach((r) => r.commit());
        this.loadedItems = items;
      },
    };
  }

  override toJSON(): Record<string, unknown> {
    return { items: (this.loadedItems ?? []).map((item) => item.toJSON()) };
  }

  /** The members' references, in collection order (inside a sync). */
  protected abstract itemRefs(ref: Ref): ItemRef[];
  /** A proxy for one member, already resolved. */
  protected abstract itemProxy(ref: ItemRef): Item;
}
