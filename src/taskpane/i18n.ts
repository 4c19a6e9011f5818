import { Language } from "../data/types";
import { AnyMessage, Phrase, textOf } from "../text/message";
import { PANE } from "../text/pane";

/**
 * The pane's edge for its texts (src/text/pane.ts): each phrase in the pane's language, a label
 * without parameters as a string (also what the page's `data-text` attributes name), a text with
 * parameters as a function of them.
 */
type Book = typeof PANE;
type ParamsOf<T> = T extends Phrase<infer P> ? P : never;
export type Texts = { [K in keyof Book]: [ParamsOf<Book[K]>] extends [void] ? string : (params: ParamsOf<Book[K]>) => string };

const rendered = new Map<Language, Texts>();

export function paneTexts(language: Language): Texts {
  let texts = rendered.get(language);
  if (!texts) {
    // A phrase declared without parameters takes none: its Dutch function has no parameter.
    const entries = Object.entries(PANE as Record<string, AnyMessage["phrase"]>).map(([key, p]) => [key, p.nl.length === 0 ? textOf({ phrase: p, params: undefined }, language) : (params: unknown) => textOf({ phrase: p, params }, language)]);
    texts = Object.fromEntries(entries) as Texts;
    rendered.set(language, texts);
  }
  return texts;
}
