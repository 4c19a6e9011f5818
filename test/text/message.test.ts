import { AnyMessage, isMessage, isMessageOf, phrase, sameMessage, say, textOf, textsOf } from "../../src/text/message";

/** The one text layer: a message is data until an edge chooses its language. */
const FILE_NOT_ZIP = phrase<{ name: string; bytes: number }>(
  "test.notZip",
  ({ name, bytes }) => `${name} (${bytes} bytes) is geen zip-bestand.`,
  ({ name, bytes }) => `${name} (${bytes} bytes) is not a zip file.`,
);
const DONE = phrase("test.done", () => "Klaar", () => "Done");
const AFTER_RETRIES = phrase<{ cause: AnyMessage; attempts: number }>(
  "test.afterRetries",
  ({ cause, attempts }) => `${textOf(cause, "nl")} (na ${attempts} pogingen)`,
  ({ cause, attempts }) => `${textOf(cause, "en")} (after ${attempts} attempts)`,
);

test("a message keeps its parameters as data and reads in the language the edge asks for", () => {
  const message = say(FILE_NOT_ZIP, { name: "cijfers.zip", bytes: 12 });
  expect(message.params).toEqual({ name: "cijfers.zip", bytes: 12 });
  expect(textOf(message, "nl")).toBe("cijfers.zip (12 bytes) is geen zip-bestand.");
  expect(textOf(message, "en")).toBe("cijfers.zip (12 bytes) is not a zip file.");
  expect(textsOf(say(DONE))).toEqual({ nl: "Klaar", en: "Done" });
});

test("a nested message is rendered in the outer message's language", () => {
  const message = say(AFTER_RETRIES, { cause: say(FILE_NOT_ZIP, { name: "a.zip", bytes: 3 }), attempts: 4 });
  expect(textOf(message, "en")).toBe("a.zip (3 bytes) is not a zip file. (after 4 attempts)");
  expect(textOf(message, "nl")).toBe("a.zip (3 bytes) is geen zip-bestand. (na 4 pogingen)");
});

test("two messages are the same when phrase and parameters are, whatever the key order", () => {
  const a = say(FILE_NOT_ZIP, { name: "a.zip", bytes: 3 });
  expect(sameMessage(a, { phrase: FILE_NOT_ZIP, params: { bytes: 3, name: "a.zip" } })).toBe(true);
  expect(sameMessage(a, say(FILE_NOT_ZIP, { name: "a.zip", bytes: 4 }))).toBe(false);
  expect(sameMessage(say(DONE), say(DONE))).toBe(true);
  expect(sameMessage(a, say(DONE))).toBe(false);
  const nested = (bytes: number) => say(AFTER_RETRIES, { cause: say(FILE_NOT_ZIP, { name: "a.zip", bytes }), attempts: 2 });
  expect(sameMessage(nested(1), nested(1))).toBe(true);
  expect(sameMessage(nested(1), nested(2))).toBe(false);
});

test("a message is recognised by its phrase, also a copy made by another bundle", () => {
  const message = say(FILE_NOT_ZIP, { name: "a.zip", bytes: 3 });
  expect(isMessageOf(message, FILE_NOT_ZIP)).toBe(true);
  expect(isMessageOf(message, DONE)).toBe(false);
  const otherBundlesCopy = { phrase: { id: "test.notZip", nl: () => "x", en: () => "y" }, params: {} };
  expect(isMessage(otherBundlesCopy)).toBe(true);
  expect(isMessageOf(otherBundlesCopy, FILE_NOT_ZIP)).toBe(true);
  expect(isMessage("a sentence")).toBe(false);
  expect(isMessage(new Error("x"))).toBe(false);
  expect(isMessage(null)).toBe(false);
});

test("messages and phrases cannot be changed after they are made", () => {
  const message = say(FILE_NOT_ZIP, { name: "a.zip", bytes: 3 });
  expect(Object.isFrozen(message)).toBe(true);
  expect(Object.isFrozen(FILE_NOT_ZIP)).toBe(true);
});
