// The little of jsdom's API that Truceline uses: a document for Observable Plot to draw charts into
// on the server, and parsing rendered HTML in tests. Declared here rather than installing
// @types/jsdom, which would pull the DOM lib into the server's types.
declare module 'jsdom' {
  export interface DomElement {
    readonly id: string;
    readonly tagName: string;
    readonly textContent: string | null;
    getAttribute(name: string): string | null;
    querySelector(selectors: string): DomElement | null;
    querySelectorAll(selectors: string): ArrayLike<DomElement>;
    closest(selectors: string): DomElement | null;
  }

  export interface DomDocument {
    readonly body: DomElement;
    getElementById(id: string): DomElement | null;
    querySelector(selectors: string): DomElement | null;
    querySelectorAll(selectors: string): ArrayLike<DomElement>;
  }

  export class JSDOM {
    constructor(html?: string);
    readonly window: { readonly document: DomDocument };
  }
}
