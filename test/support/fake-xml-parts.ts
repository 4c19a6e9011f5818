import { FakeClientResult, FakeContext, OfficeError, payloadBytes } from "./fake-excel";

/**
 * Custom XML parts of a workbook (ExcelApi 1.5, `workbook.customXmlParts`): added from an XML
 * string, listed with their ids and namespaces (the root element's `xmlns`), read back with
 * `getXml`, deleted. Like every request, adding a part counts towards the 5 MB request limit
 * (docs/excel/performance.md); its XML must be well formed (the fake checks the root element).
 */
export interface XmlPartModel {
  id: string;
  namespaceUri: string;
  xml: string;
}

let nextPart = 1;

class FakeXmlPart {
  private loaded: Record<string, unknown> | null = null;
  constructor(
    private readonly context: FakeContext,
    private readonly resolve: () => XmlPartModel | null,
  ) {}
  private model(): XmlPartModel {
    const part = this.resolve();
    if (!part) throw new OfficeError("ItemNotFound", "The custom XML part does not exist.");
    return part;
  }
  snapshot(): void {
    const part = this.model();
    this.loaded = { id: part.id, namespaceUri: part.namespaceUri };
    this.context.responseBytes += payloadBytes(this.loaded);
  }
  private read(name: string): string {
    if (!this.loaded) throw new OfficeError("PropertyNotLoaded", `The property '${name}' is not available. Call load() and sync() before reading it.`);
    return this.loaded[name] as string;
  }
  get id(): string {
    return this.read("id");
  }
  get namespaceUri(): string {
    return this.read("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.enqueue(() => result.settle(this.model().xml, this.context));
    return result;
  }
  delete(): void {
    this.context.enqueue(() => {
      const part = this.model();
      this.context.model.customXmlParts = this.context.model.customXmlParts.filter((p) => p !== part);
    });
  }
}

export class FakeCustomXmlParts {
  private loadedItems: FakeXmlPart[] | null = null;
  constructor(
    private readonly context: FakeContext,
    private readonly namespace: string | null = null,
  ) {}
  private parts(): XmlPartModel[] {
    return this.context.model.customXmlParts.filter((p) => this.namespace === null || p.namespaceUri === this.namespace);
  }
  load(_properties?: string): this {
    this.context.enqueue(() => {
      this.loadedItems = this.parts().map((part) => new FakeXmlPart(this.context, () => (this.context.model.customXmlParts.includes(part) ? part : null)));
      for (const item of this.loadedItems) item.snapshot();
    });
    return this;
  }
  get items(): FakeXmlPart[] {
    if (!this.loadedItems) throw new OfficeError("PropertyNotLoaded", "The property 'items' is not available. Call load() and sync() before reading it.");
    return this.loadedItems;
  }
  add(xml: string): FakeXmlPart {
    this.context.addPayload(xml);
    let created: XmlPartModel | null = null;
    this.context.enqueue(() => {
      const root = /^\s*(?:<\?xml[^>]*\?>\s*)?<([A-Za-z_][\w.-]*)(?:\s[^>]*?)?(?:\/>|>[\s\S]*<\/\1>)\s*$/.exec(xml);
      if (!root) throw new OfficeError("InvalidArgument", "The XML is not well formed.");
      const namespace = /^\s*(?:<\?xml[^>]*\?>\s*)?<[^>]*\sxmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
      created = { id: `{part-${nextPart++}}`, namespaceUri: namespace, xml };
      this.context.model.customXmlParts.push(created);
    });
    return new FakeXmlPart(this.context, () => created);
  }
  getItem(id: string): FakeXmlPart {
    return new FakeXmlPart(this.context, () => this.context.model.customXmlParts.find((p) => p.id === id) ?? null);
  }
  getByNamespace(namespace: string): FakeCustomXmlParts {
    return new FakeCustomXmlParts(this.context, namespace);
  }
}
