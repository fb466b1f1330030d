/**
 * Just enough English verb morphology to judge names in the ubiquitous language:
 * a domain event is named for what happened (`OrderPlaced`, `Withdrawn`), a
 * command for what is asked (`PlaceOrder`, `Withdraw`).
 *
 * A curated list of business verbs in base form, the irregular verbs with their
 * past tense and past participle, and the spelling rules of the regular ones
 * (`ship → shipped`, `cancel → cancelled`, `try → tried`, `place → placed`).
 * Words are compared in lower case; every function accepts any case.
 */

const words = (text: string): string[] => text.trim().split(/\s+/);

/** Common verbs of business software, in base form. */
const BUSINESS_VERBS = words(`
  accept access accrue acknowledge acquire activate add adjust admit adopt advance advise agree alert allocate allow amend
  amortize answer appeal append apply appoint approve archive arrange assess assign attach attempt attend audit
  authenticate authorise authorize award balance ban bill block book borrow browse budget bump bundle buy
  cache calculate call cancel capture categorize certify change charge chat check choose claim classify clean clear
  clone close collect combine comment commit communicate compare compensate compile complete comply compose compute
  conclude conduct confirm configure connect consent consolidate consume contact contract contribute control convert
  coordinate copy correct cost count cover create credit deactivate deal debit debug decide decline decrease decrypt
  deduct deduplicate defer define delay delegate delete deliver demote deny depart deploy deposit derive describe
  design destroy detect determine develop diagnose dial disable disburse discard discount discover dismiss dispatch
  dispense display dispose dispute distribute divide document donate download downgrade draft drop duplicate earn
  edit email embed emit employ enable encrypt end endorse enforce engage enqueue enrich enrol enroll ensure enter
  escalate estimate evaluate evict exchange exclude execute exempt exit expand expect expedite expire export expose
  extend extract fail fetch file fill filter finalise finalize finance finish fire fix flag flush fold follow
  forward free fulfil fulfill fund gather generate grade grant group guarantee guide handle help hire identify import
  improve include increase index inform initiate insert inspect install insure integrate invalidate invest invite
  invoice involve issue join kill land launch lease license licence lift limit link list load locate lock log mail
  maintain manage map mark match measure merge message migrate mint modify monitor mount move name need negotiate
  nominate note notify observe obtain occupy occur offer omit onboard open operate opt optimize order organize
  originate own pack package pair park parse participate partition pass patch pause perform permit persist pick pin
  ping place plan pledge poll populate post postpone predict prefer prepare present preserve prevent price print
  prioritize proceed process produce progress prohibit promote propose protect prove provide provision publish pull
  purchase push qualify quarantine query queue quote raise rank rate reactivate rebalance rebook reboot recalculate
  recall receive reclaim recommend reconcile record recover redeem redirect reduce refer refresh refund refuse
  regenerate register reimburse reinstate reject release relocate remind remit remove rename render renew rent
  reopen reorder repair repeat replace replenish replicate reply report represent request require reroute rescind
  reschedule research reserve reset resign resolve respond restart restock restore restrict resume retain retire
  retrieve retry return reverse review revise revoke reward roll rotate route sample satisfy save scale scan schedule
  score seal search secure seed segment select serve service settle share shift ship shortlist sign simulate skip
  slot snooze solve sort source specify split stage stamp standardize star start state stay steer stock stop store
  stream study submit subscribe substitute succeed suggest summarize supply support surrender survey suspend swap
  switch sync tag tally target tax terminate test thank throttle tick tie time top total touch trace track trade train
  transcribe transfer transform translate transmit travel treat trigger trim trust try turn type unassign unblock unlink
  unlock unpack unpublish unregister unreserve unset unsubscribe update upgrade upload upsert use validate value
  verify vet view visit void vote waive wait warn watch weigh wire work wrap zip
`);

/** Irregular verbs: base, past tense, past participle (the form event names use: `Withdrawn`). */
const IRREGULAR = words(`
  arise arose arisen  awake awoke awoken  be was been  bear bore borne  beat beat beaten  become became become
  begin began begun  bend bent bent  bet bet bet  bid bid bid  bind bound bound  bleed bled bled  blow blew blown
  break broke broken  breed bred bred  bring brought brought  broadcast broadcast broadcast  build built built
  burn burnt burnt  buy bought bought  catch caught caught  choose chose chosen  come came come  cut cut cut
  deal dealt dealt  dig dug dug  do did done  draw drew drawn  drive drove driven  eat ate eaten  fall fell fallen
  feed fed fed  feel felt felt  fight fought fought  find found found  flee fled fled  fly flew flown
  forbid forbade forbidden  forecast forecast forecast  forget forgot forgotten  forgive forgave forgiven
  freeze froze frozen  get got gotten  give gave given  go went gone  grind ground ground  grow grew grown
  hang hung hung  have had had  hear heard heard  hide hid hidden  hit hit hit  hold held held  hurt hurt hurt
  input input input  keep kept kept  know knew known  lay laid laid  lead led led  leave left left  lend lent lent
  let let let  light lit lit  lose lost lost  make made made  mean meant meant  meet met met  mislay mislaid mislaid
  output output output  overpay overpaid overpaid  override overrode overridden  oversee oversaw overseen
  overwrite overwrote overwritten  pay paid paid  prepay prepaid prepaid  put put put  quit quit quit  read read read
  rebuild rebuilt rebuilt  redo redid redone  repay repaid repaid  resell resold resold  resend resent resent
  reset reset reset  ride rode ridden  ring rang rung  rise rose risen  run ran run  say said said  see saw seen
  seek sought sought  sell sold sold  send sent sent  set set set  shake shook shaken  show showed shown
  shut shut shut  sing sang sung  sit sat sat  sleep slept slept  slide slid slid  speak spoke spoken
  speed sped sped  spend spent spent  spin spun spun  spread spread spread  stand stood stood  steal stole stolen
  stick stuck stuck  strike struck struck  swear swore sworn  swim swam swum  take took taken  teach taught taught
  tear tore torn  tell told told  think thought thought  throw threw thrown  underpay underpaid underpaid
  understand understood understood  undertake undertook undertaken  undo undid undone  uphold upheld upheld
  upset upset upset  wake woke woken  wear wore worn  win won won  wind wound wound  withdraw withdrew withdrawn
  withhold withheld withheld  write wrote written
`);

/** Verbs that double their final consonant before -ed and -ing (`ship → shipped`, `cancel → cancelled`). */
const DOUBLING = new Set(words(`
  admit ban blog bug chat chip clip commit compel confer control dial drop emit embed equal expel fuel flag format
  grab incur infer jog kidnap label level log map model omit occur pin plan patrol permit propel recur refer
  regret remit rob rub scan ship shop signal skip slip snap step stop submit swap tag tap total transfer
  transmit travel trim wrap zip cancel counsel marshal pencil program defer deter prefer slot star top vet strip
  trap cap sum fit plot spot net
`));

/** Words that end in -ed but are no past tense (`NewsFeed`, `NeedCreated` is fine, `RequestNeed` is not). */
const NOT_PAST = new Set(words(`
  bed red seed feed need speed weed deed greed steed reed creed heed breed bleed proceed succeed exceed indeed
  embed hundred sacred naked wicked kindred hatred shred sled coed infrared seabed hotbed flatbed roadbed
  riverbed sickbed seaweed tweed shed wed ted fred ned med ed rugged ragged jagged
`));

/** Words that end in -ing but are no gerund. */
const NOT_GERUND = new Set(words(`
  thing nothing something anything everything king ring string spring swing wing sting sling fling cling bring
  sing ping ding morning evening ceiling pudding wedding sibling darling shilling herring viking awning lightning
  earring offspring inkling duckling sapling seedling dumpling starling sterling farthing boeing during
`));

/**
 * Verbs that are, in a name, more often the noun than the verb: `OrderShipped`
 * is an event about an order, not the command "order shipped".
 */
const NOUN_FIRST = new Set(words(`
  order stock book price bill invoice account balance budget contract process request report return refund review
  record file document message email mail claim quote offer transfer deposit credit debit charge loan lease license
  licence schedule plan trade release upload download import export test audit survey vote rate score index time
  state service sample package design draft estimate forecast map list tag fund cost total queue query search
  cache log track target link group stream stamp slot segment source value name note post share store supply support
  watch work contact comment answer reply call change issue
`));

/** Particles that complete a phrasal verb: `SignedUp`, `TimedOut`, `CheckedIn`. */
export const PARTICLES: ReadonlySet<string> = new Set(words('up down in out on off over back away through about along forward aside apart together'));

const baseVerbs = new Set<string>(BUSINESS_VERBS);
const pastOf = new Map<string, string>();
const participleOf = new Map<string, string>();
const baseOfIrregular = new Map<string, string>();
for (let i = 0; i + 2 < IRREGULAR.length; i += 3) {
  const [base, past, participle] = [IRREGULAR[i]!, IRREGULAR[i + 1]!, IRREGULAR[i + 2]!];
  baseVerbs.add(base);
  pastOf.set(base, past);
  participleOf.set(base, participle);
  if (!baseOfIrregular.has(past)) baseOfIrregular.set(past, base);
  if (!baseOfIrregular.has(participle)) baseOfIrregular.set(participle, base);
}

/** Every verb this module knows, in base form. */
export const knownVerbs: ReadonlySet<string> = baseVerbs;

const VOWELS = /[aeiou]/;

/** `word` is the base form of a verb this module knows (`ship`, `Withdraw`, `pay`). */
export function isKnownVerb(word: string): boolean {
  return baseVerbs.has(word.toLowerCase());
}

/** The verb is more often a noun at the start of a name (`Order`, `Stock`, `Process`). */
export function isUsuallyNoun(word: string): boolean {
  return NOUN_FIRST.has(word.toLowerCase());
}

/** `word` is a particle of a phrasal verb (`Up` in `SignUp`). */
export function isParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

/** Guesses the base of a regular form whose verb is unknown, from the stem left by -ed or -ing. */
function guessBase(stem: string): string {
  if (/([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  if (/(at|iz|yz|v|uc|ur|ir|os|cod|ag|ang|ung|rg|dg|ns|rs|ps)$/.test(stem)) return stem + 'e';
  return stem;
}

/** Candidate base forms of a regular -ed word, most likely first. */
function regularBasesOfPast(word: string): string[] {
  const stem = word.slice(0, -2);
  const candidates = [word.slice(0, -1), stem];
  if (/([a-z])\1$/.test(stem)) candidates.push(stem.slice(0, -1));
  if (word.endsWith('ied')) candidates.push(word.slice(0, -3) + 'y');
  return candidates;
}

/**
 * The base form of a past tense or past participle (`shipped → ship`,
 * `paid → pay`, `withdrawn → withdraw`, `tried → try`), in lower case;
 * `undefined` when `word` is no past form.
 */
/** `baseFormOf` by word: a workspace names its events with a few hundred verbs, each many times. */
const baseFormCache = new Map<string, string | null>();
const BASE_FORM_CACHE_LIMIT = 20_000;

export function baseFormOf(pastWord: string): string | undefined {
  const cached = baseFormCache.get(pastWord);
  if (cached !== undefined) return cached ?? undefined;
  if (baseFormCache.size >= BASE_FORM_CACHE_LIMIT) baseFormCache.clear();
  const base = findBaseForm(pastWord);
  baseFormCache.set(pastWord, base ?? null);
  return base;
}

function findBaseForm(pastWord: string): string | undefined {
  const word = pastWord.toLowerCase();
  const irregular = baseOfIrregular.get(word);
  if (irregular) return irregular;
  if (!word.endsWith('ed') || NOT_PAST.has(word)) return undefined;
  const known = regularBasesOfPast(word).find((candidate) => baseVerbs.has(candidate));
  if (known) return known;
  const stem = word.slice(0, -2);
  // an unknown verb: "-eed" words are mostly not past (proceed, speed), short stems are no verbs (red, bed)
  if (word.endsWith('eed') || stem.length < 3 || !VOWELS.test(stem)) return undefined;
  if (word.endsWith('ied') && word.length > 4) return word.slice(0, -3) + 'y';
  return guessBase(stem);
}

/** `word` is a past tense or past participle: `Placed`, `Cancelled`, `Paid`, `Withdrawn`, `Sent` (not `Need`, `Speed`, `Red`). */
export function isPastTense(word: string): boolean {
  return baseFormOf(word) !== undefined;
}

/** `word` is only a past form, never a base form too (`Placed` yes; `Reset`, `Read`, `Put` no). */
export function isOnlyPastTense(word: string): boolean {
  return isPastTense(word) && !isKnownVerb(word);
}

/**
 * The past participle of a verb, as event names use it: `ship → shipped`,
 * `cancel → cancelled`, `place → placed`, `try → tried`, `pay → paid`,
 * `withdraw → withdrawn`. For regular verbs past tense and participle are one.
 */
export function pastTenseOf(verb: string): string {
  const word = verb.toLowerCase();
  const irregular = participleOf.get(word);
  if (irregular) return irregular;
  if (DOUBLING.has(word)) return word + word[word.length - 1] + 'ed';
  if (word.endsWith('e')) return word + 'd';
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + 'ied';
  if (/[^aeiou]c$/.test(word) && word.length > 4) return word + 'ked';
  return word + 'ed';
}

/** The simple past of a verb (`withdraw → withdrew`); for regular verbs the same as `pastTenseOf`. */
export function simplePastOf(verb: string): string {
  return pastOf.get(verb.toLowerCase()) ?? pastTenseOf(verb);
}

/**
 * The base form of a gerund (`shipping → ship`, `placing → place`, `paying → pay`),
 * in lower case; `undefined` when `word` is no gerund (`String`, `Morning`).
 */
export function baseFormOfGerund(gerund: string): string | undefined {
  const word = gerund.toLowerCase();
  if (!word.endsWith('ing') || NOT_GERUND.has(word) || baseVerbs.has(word)) return undefined;
  const stem = word.slice(0, -3);
  const candidates = [stem, stem + 'e'];
  if (/([a-z])\1$/.test(stem)) candidates.push(stem.slice(0, -1));
  if (stem.endsWith('y')) candidates.push(stem.slice(0, -1) + 'ie');
  const known = candidates.find((candidate) => baseVerbs.has(candidate));
  if (known) return known;
  if (stem.length < 4 || !VOWELS.test(stem)) return undefined;
  return guessBase(stem);
}

/** `word` is a gerund: `Shipping`, `Placing`, `Processing` (not `Thing`, `String`, `Bring`). */
export function isGerund(word: string): boolean {
  return baseFormOfGerund(word) !== undefined;
}
