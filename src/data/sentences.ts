import type { MonitorStore } from "./store";
import { citationOf } from "./citation";
import { Language, Observation } from "./types";
import { Message, say, textOf } from "../text/message";
import { SENTENCE, SentenceFacts } from "../text/sentences";


/**
 * The clerk's sentence of one figure as a message: what the store knows of it (the group's
 * labels, the indicator's label, the source's citation) with the figure itself. Its words are
 * in src/text/sentences.ts. MONITOR.TEKST, the pane and the indicator sheets all take their
 * sentences from here.
 */
export function clerkMessage(store: MonitorStore, o: Observation, decimals?: number): Message<SentenceFacts> {
  const indicator = store.indicator(o.indicator);
  return say(SENTENCE.figure, {
    o,
    ...(decimals === undefined ? {} : { decimals }),
    group: { nl: store.groupNames.label(o.groep, "nl"), en: store.groupNames.label(o.groep, "en") },
    label: indicator ? { nl: indicator.labelNl, en: indicator.labelEn } : null,
    source: { nl: citationOf(store.source(o.bron), o.bron, "nl"), en: citationOf(store.source(o.bron), o.bron, "en") },
  });
}

/**
 * The sentence for one figure, in Dutch or English, with its source in brackets; `decimals`: a
 * percentage's, as a sheet's table beside the sentence shows it (19,0%), else as the report prints it.
 */
export function clerkSentence(store: MonitorStore, o: Observation, language: Language = "nl", decimals?: number): string {
  return textOf(clerkMessage(store, o, decimals), language);
}
