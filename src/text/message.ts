import type { Language } from "../data/types";

/**
 * The one way the add-in makes user-facing text. Code that finds a problem or reports progress
 * does not write a sentence: it makes a `Message` (which phrase, with which parameters) and hands
 * it on as data. Only the edge that shows it (the pane, the CLI, a sheet, a custom function's
 * error) turns it into Dutch or English with `textOf`, in the language of whoever reads it, as
 * frictionless-ts does with its errors: typed data first, the words chosen at the edge.
 *
 * The phrases live in the phrasebooks beside this file (src/text/*.ts), one per part of the
 * add-in, so the words are in one place and a bundle carries only the phrases it can say.
 * Parameters are plain data (names, counts, ISO dates, nested messages); a phrase formats them
 * for its language, so "1.253" or "1,253" is chosen at the edge too.
 */
export interface Phrase<P> {
  /** A stable name ("sources.notZip"): how tests and comparisons tell one message from another. */
  readonly id: string;
  readonly nl: (params: P) => string;
  readonly en: (params: P) => string;
}

/** A message as data: a phrase and its parameters. */
export interface Message<P = unknown> {
  readonly phrase: Phrase<P>;
  readonly params: P;
}

/** Any message, whatever its parameters: what a problem, a progress step or an error carries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyMessage = Message<any>;

/** Declares a phrase of a phrasebook: its id and how it reads in Dutch and in English. */
export function phrase<P = void>(id: string, nl: (params: P) => string, en: (params: P) => string): Phrase<P> {
  return Object.freeze({ id, nl, en });
}

/** A message: `say(SOURCES.notZip, { name })`; a phrase without parameters needs none. */
export function say<P>(phrase: Phrase<P>, ...params: P extends void ? [] : [P]): Message<P> {
  return Object.freeze({ phrase, params: params[0] as P });
}

/** The message's text in one language: the only place a message becomes words. */
export function textOf(message: AnyMessage, language: Language): string {
  return message.phrase[language](message.params);
}

/** Both languages at once, for an edge that keeps both (a test, a cell note in two languages). */
export function textsOf(message: AnyMessage): Record<Language, string> {
  return { nl: textOf(message, "nl"), en: textOf(message, "en") };
}

/** True when two messages say the same: the same phrase with equal parameters. */
export function sameMessage(a: AnyMessage, b: AnyMessage): boolean {
  return a.phrase.id === b.phrase.id && stableJson(a.params) === stableJson(b.params);
}

/** True when `message` is made of `phrase`: how a caller or a test recognises a kind of message. */
export function isMessageOf<P>(message: AnyMessage, phrase: Phrase<P>): message is Message<P> {
  return message.phrase.id === phrase.id;
}

/** Parameters as text with keys in a fixed order; a nested message by its phrase id and parameters. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const object = v as Record<string, unknown>;
      if (isMessage(object)) return { phrase: object.phrase.id, params: object.params };
      return Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
    }
    return v;
  }) ?? "";
}

/** True for a message, also one made by another bundle's copy of this module (shared runtime). */
export function isMessage(value: unknown): value is AnyMessage {
  const p = (value as { phrase?: Partial<Phrase<unknown>> } | null)?.phrase;
  return !!p && typeof p.id === "string" && typeof p.nl === "function" && typeof p.en === "function";
}
