import { Language } from "../data/types";
import { AnyMessage, Phrase, textOf } from "../text/message";
import { PANE } from "../text/pane";

/**
 * The pane's edge for its texts (src/text/pane.ts, and src/text/outcomes.ts once a pull or
 * Regenerate loads it): each phrase in the pane's language, a label without parameters as a
 * string (also what the page's `data-text` attributes name), a text with parameters as a
 * function of them.
 */
type ParamsOf<T> = T extends Phrase<infer P> ? P : never;
export type TextsOf<Book> = { [K in keyof Book]: [ParamsOf<Book[K]>] extends [void] ? string : (params: ParamsOf<Book[K]>) => string };
export type Texts = TextsOf<typeof PANE>;

const rendered = new Map<object, Map<Language, unknown>>();

/** A phrasebook's phrases in `language`, rendered once per book and language. */
export function bookTexts<Book extends object>(book: Book, language: Language): TextsOf<Book> {
  const byLanguage = rendered.get(book) ?? new Map<Language, unknown>();
  rendered.set(book, byLanguage);
  let texts = byLanguage.get(language) as TextsOf<Book> | undefined;
  if (!texts) {
    // A phrase declared without parameters takes none: its Dutch function has no parameter.
    const entries = Object.entries(book as Record<string, AnyMessage["phrase"]>).map(([key, p]) => [key, p.nl.length === 0 ? textOf({ phrase: p, params: undefined }, language) : (params: unknown) => textOf({ phrase: p, params }, language)]);
    texts = Object.fromEntries(entries) as TextsOf<Book>;
    byLanguage.set(language, texts);
  }
  return texts;
}

export const paneTexts = (language: Language): Texts => bookTexts(PANE, language);
