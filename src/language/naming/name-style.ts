/**
 * Names in the ubiquitous language: split into words, judged and turned around.
 * A domain event says what happened (`ParcelShipped`), a command what is asked
 * (`ShipParcel`); one can be suggested from the other.
 */
import {
  baseFormOf,
  baseFormOfGerund,
  isGerund,
  isKnownVerb,
  isOnlyPastTense,
  isParticle,
  isPastTense,
  isUsuallyNoun,
  pastTenseOf,
} from './english-verbs';

/**
 * The words of a PascalCase, camelCase or snake_case name: `ShipParcel → [Ship, Parcel]`,
 * `KYCVerified → [KYC, Verified]`, `ORDER_PLACED → [ORDER, PLACED]`, `Account123 → [Account, 123]`.
 */
export function splitWords(name: string): string[] {
  return name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [];
}

export function capitalize(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** `Order`, `OrderItem`, `Account123`, `KYCCheck`: starts upper-case, letters and digits only. */
export function isPascalCase(name: string): boolean {
  if (!isUpper(name.charCodeAt(0))) return false;
  for (let i = 1; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (!isUpper(code) && !isLower(code) && !(code >= 48 && code <= 57)) return false;
  }
  return true;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

/*
 * Most names are plain PascalCase, and their first or last word decides them.
 * These two find that word without splitting the whole name; each is the word
 * `splitWords` would give there, or undefined when that is not plain to see.
 */

/** `Created` in `NorthProductCreated`: an upper-case letter and the lower-case letters that end the name. */
function lastCapitalisedWord(name: string): string | undefined {
  let start = name.length;
  while (start > 0 && isLower(name.charCodeAt(start - 1))) start--;
  if (start === name.length || start === 0 || !isUpper(name.charCodeAt(start - 1))) return undefined;
  return name.slice(start - 1);
}

/** `Create` in `CreateNorthProduct`: an upper-case letter and the lower-case letters that follow it. */
function firstCapitalisedWord(name: string): string | undefined {
  if (!isUpper(name.charCodeAt(0)) || !isLower(name.charCodeAt(1))) return undefined;
  let end = 2;
  while (end < name.length && isLower(name.charCodeAt(end))) end++;
  return name.slice(0, end);
}

/** `order_item → OrderItem`, `placeOrder → PlaceOrder`. */
export function toPascalCase(name: string): string {
  return splitWords(name)
    .map((word) => (/^[A-Z0-9]+$/.test(word) && word.length > 1 && /[_]/.test(name) ? capitalize(word.toLowerCase()) : capitalize(word)))
    .join('');
}

/** Prepositions that may follow an event's verb: `PaymentReceivedFromCustomer`, `OrderShippedToCustomer`. */
const PREPOSITIONS = new Set(['by', 'from', 'to', 'for', 'with', 'at', 'in', 'on', 'via', 'into', 'onto', 'after', 'before', 'during', 'within', 'without', 'per', 'as']);

/** Where a name's past-tense verb is: `OrderShipped` → 1, `UserSignedUp` → 1, `PaymentReceivedFromBank` → 1. */
interface PastPhrase {
  /** Index of the past-tense word. */
  verb: number;
  /** Number of particles right after it (`Up` in `SignedUp`). */
  particles: number;
}

function trailingParticles(words: string[], from: number, until = words.length): number {
  let count = 0;
  while (from + count < until && count < 2 && isParticle(words[from + count]!)) count++;
  return count;
}

/** The past-tense verb a name ends with (ignoring trailing particles and a final prepositional phrase). */
function findPastPhrase(words: string[]): PastPhrase | undefined {
  const ends = [words.length];
  for (let i = words.length - 1; i > 0; i--) if (PREPOSITIONS.has(words[i]!.toLowerCase())) ends.push(i);
  for (const end of ends) {
    for (let verb = end - 1; verb >= 0 && verb >= end - 3; verb--) {
      const particles = end - verb - 1;
      if (particles > 0 && trailingParticles(words, verb + 1, end) !== particles) break;
      if (isPastTense(words[verb]!)) return { verb, particles };
    }
  }
  return undefined;
}

/** An event name ends in a past-tense word: `OrderPlaced`, `Withdrawn`, `UserSignedUp`, `SessionTimedOut`. */
export function isPastTenseName(name: string): boolean {
  const last = lastCapitalisedWord(name);
  if (last !== undefined && isPastTense(last)) return true;
  return findPastPhrase(splitWords(name)) !== undefined;
}

/**
 * An event name that ends in `Event` and needs no past tense of its own: a past tense
 * before it (`CustomerVerifiedEvent`, `AddressUpdatedEvent`), or a noun that names an
 * event (`HandlingEvent`, Evans' own; `VehicleEvent`). An imperative before it
 * (`PlaceOrderEvent`) is still a command's name.
 */
export function isEventSuffixedName(name: string): boolean {
  if (name.length <= 5 || !name.endsWith('Event')) return false;
  const stem = name.slice(0, -5);
  if (isPastTenseName(stem)) return true;
  const first = firstCapitalisedWord(stem) ?? splitWords(stem)[0];
  return !(first !== undefined && isKnownVerb(first) && !isUsuallyNoun(first));
}

/**
 * The past-tense name for an event that is not named so: `ShipParcel → ParcelShipped`,
 * `ReturnBook → BookReturned` (object + participle), `PlaceOrderEvent → OrderPlacedEvent`
 * (the `Event` suffix kept). `undefined` when the name is fine or no verb is recognised.
 */
export function suggestPastTenseEventName(name: string): string | undefined {
  if (name.length > 5 && name.endsWith('Event')) {
    const stem = suggestEventName(name.slice(0, -5));
    return stem === undefined ? undefined : `${stem}Event`;
  }
  return suggestEventName(name);
}

export type CommandNameIssue = 'past-tense' | 'gerund' | 'event-like';

/**
 * Why a command name is not in the imperative, if it is not: its first word is a
 * past tense (`PlacedOrder`) or a gerund (`ShippingParcel`), or it reads like an
 * event (`ParcelShipped`: it ends in a past tense and does not start with a verb).
 * `PlaceOrder`, `Deposit`, `MarkOrderShipped`, `ResetPassword` are fine.
 */
export function commandNameIssue(name: string): CommandNameIssue | undefined {
  // a known verb first (`CreateOrder`) is an imperative, unless the verb is usually a noun (`OrderShipped`)
  const verb = firstCapitalisedWord(name);
  if (verb !== undefined && isKnownVerb(verb) && !isUsuallyNoun(verb)) return undefined;
  const words = splitWords(name);
  const first = words[0];
  if (!first) return undefined;
  if (isOnlyPastTense(first)) return 'past-tense';
  if (!isKnownVerb(first) && isGerund(first)) return 'gerund';
  const phrase = words.length > 1 ? findPastPhrase(words) : undefined;
  // `StockReserved` reads as an event about stock; `RecordPaymentReceived` is an imperative
  if (phrase && (!isKnownVerb(first) || (phrase.verb === 1 && isUsuallyNoun(first)))) return 'event-like';
  return undefined;
}

/** The base form of a verb-like word in any form, as written in the name (`Shipping → Ship`). */
function verbBase(word: string): string | undefined {
  if (isKnownVerb(word)) return word.toLowerCase();
  return baseFormOfGerund(word) ?? (isOnlyPastTense(word) ? baseFormOf(word) : undefined);
}

function verbPhraseAtStart(words: string[]): { base: string; particles: string[]; rest: string[] } | undefined {
  const base = verbBase(words[0]!);
  if (!base) return undefined;
  const particles = words.slice(1, 1 + trailingParticles(words, 1));
  return { base, particles, rest: words.slice(1 + particles.length) };
}

function pastWord(base: string, like: string): string {
  const past = pastTenseOf(base);
  return like === like.toUpperCase() && like.length > 1 ? past.toUpperCase() : capitalize(past);
}

/**
 * The event a command (or a wrongly named event) announces:
 * `ShipParcel → ParcelShipped`, `PlaceOrder → OrderPlaced`, `Deposit → Deposited`,
 * `SignUpCustomer → CustomerSignedUp`, `OrderComplete → OrderCompleted`.
 * `undefined` when no verb is recognised or the name is already in the past tense.
 */
export function suggestEventName(name: string): string | undefined {
  const words = splitWords(name);
  if (words.length === 0 || isPastTenseName(name)) return undefined;
  const atStart = verbPhraseAtStart(words);
  const startReading = () => (atStart ? [...atStart.rest, pastWord(atStart.base, words[0]!), ...atStart.particles].join('') : undefined);
  // a command is an imperative, verb first: `ShipParcel`, and `ReturnBook` though `Return` is often a noun
  if (atStart && (!isUsuallyNoun(words[0]!) || words.length === 1)) return startReading();
  // the verb at the end: `OrderComplete`, `ParcelShipping`, `ParcelPickUp`
  let lastIndex = words.length - 1;
  while (lastIndex > 0 && words.length - 1 - lastIndex < 2 && isParticle(words[lastIndex]!)) lastIndex--;
  const last = words[lastIndex]!;
  const lastBase = isKnownVerb(last) ? last.toLowerCase() : baseFormOfGerund(last);
  // …unless both words read as verbs and the last is usually a noun (`ReturnBook`, `RequestRefund`): then the first is the verb
  const lastIsObject = atStart !== undefined && isUsuallyNoun(last);
  if (lastIndex > 0 && lastBase && !lastIsObject) {
    return [...words.slice(0, lastIndex), pastWord(lastBase, last), ...words.slice(lastIndex + 1)].join('');
  }
  return words.length > 1 ? startReading() : undefined;
}

/**
 * The command that asks for an event (or fixes a wrongly named command):
 * `ParcelShipped → ShipParcel`, `OrderCancelled → CancelOrder`, `Withdrawn → Withdraw`,
 * `CustomerSignedUp → SignUpCustomer`, `PlacedOrder → PlaceOrder`, `ShippingParcel → ShipParcel`.
 * `undefined` when no verb is recognised.
 */
export function suggestCommandName(name: string): string | undefined {
  const words = splitWords(name);
  const first = words[0];
  if (!first) return undefined;
  if (isOnlyPastTense(first) || (!isKnownVerb(first) && isGerund(first))) {
    return [capitalize(verbBase(first)!), ...words.slice(1)].join('');
  }
  const phrase = findPastPhrase(words);
  if (!phrase) return undefined;
  const base = baseFormOf(words[phrase.verb]!)!;
  const end = phrase.verb + 1 + phrase.particles;
  return [capitalize(base), ...words.slice(phrase.verb + 1, end), ...words.slice(0, phrase.verb), ...words.slice(end)].join('');
}
