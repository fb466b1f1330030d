/** The verification verdict: the run so far and the whole run, breaches and risks in words. */
import type { ChoreographyVerdict, Verdict } from '../../src/protocol/simulation';
import { h, plural } from '../shared/dom';
import { inlineCode } from '../shared/inline-code';
import { breachTitle, type AnyBreach } from '../../src/protocol/breach-words';

/** `risks`: warnings listed below the badge (they are no breach, and the badge says they are there). */
function badge(ok: boolean, breaches: number, risks: number): HTMLElement {
  if (!ok) return h('span', { className: 'ddd-verdict-badge ddd-bad', text: `✗ ${plural(breaches, 'guarantee')} breached` });
  return h('span', { className: 'ddd-verdict-badge ddd-good', text: `✓ every guarantee holds${risks ? `, with ${plural(risks, 'risk')} (below)` : ''}` });
}

function endText(verdict: Verdict): string {
  if (verdict.end === 'running') return `running, in ${verdict.state}`;
  const compensated = verdict.compensations.length ? ` after ${verdict.compensations.join(', ')}` : '';
  return `${verdict.end} in ${verdict.state}${compensated}`;
}

/** Breaches as a list: what happened in words (the guarantee's code in the tooltip), then the message; `times`: in how many runs. */
export function breachList(breaches: readonly AnyBreach[], times?: (index: number) => number, className = 'ddd-breaches'): HTMLElement {
  return h(
    'ul',
    { className },
    breaches.map((breach, index) =>
      h('li', {}, [
        h('strong', { text: `${breachTitle(breach)}: `, title: breach.kind }),
        ...inlineCode(breach.message),
        times ? ` (${plural(times(index), 'run')})` : undefined,
      ]),
    ),
  );
}

/**
 * Commands a resumed orchestrator sends again, to participants that are not
 * idempotent: a heading that says what they are, what to do, then each one.
 */
export function resendRisks(risks: readonly { message: string }[], times?: (index: number) => number): HTMLElement {
  return h('div', { className: 'ddd-risk-list' }, [
    h('h4', { text: `Risk: ${plural(risks.length, 'command')} done twice after a crash` }),
    h(
      'p',
      { className: 'ddd-muted' },
      inlineCode(
        'Not a breach: the run ends as it should. But after a crash, the orchestrator resumed from its journal sends its last command again, and a participant that is not idempotent does that work a second time. Make the participant ignore a command it has already handled, then mark the step `idempotent`.',
      ),
    ),
    h('ul', { className: 'ddd-risks' }, risks.map((risk, index) => h('li', {}, [...inlineCode(risk.message), times ? ` (${plural(times(index), 'crash run')})` : undefined]))),
  ]);
}

/** The card both kinds of saga share: a badge, the run so far and the whole run, the breaches, then anything else. */
function verdictCard(final: { ok: boolean; breaches: readonly AnyBreach[]; risks?: readonly unknown[] }, soFar: string, wholeRun: string, more?: HTMLElement): HTMLElement {
  const breaches = final.breaches;
  return h('section', { className: 'ddd-card ddd-verdict', attrs: { 'aria-label': 'Verdict' } }, [
    h('h3', { text: 'Verdict' }),
    badge(final.ok, breaches.length, final.risks?.length ?? 0),
    h('dl', { className: 'ddd-facts' }, [h('dt', { text: 'So far' }), h('dd', { text: soFar }), h('dt', { text: 'Whole run' }), h('dd', { text: wholeRun })]),
    breaches.length ? breachList(breaches) : undefined,
    more,
  ]);
}

/** The guarantees are checked on the whole run (a run cut short is "not over", which is no breach of the design). */
export function orchestratedVerdict(now: Verdict, final: Verdict): HTMLElement {
  return verdictCard(
    final,
    `${endText(now)} · ${plural(now.commandsSent, 'command')} sent${now.retries ? `, ${plural(now.retries, 'retry', 'retries')}` : ''}`,
    `${endText(final)} · ${plural(final.commandsSent, 'command')} sent`,
    final.risks.length ? resendRisks(final.risks) : undefined,
  );
}

export function choreographyVerdict(now: ChoreographyVerdict, final: ChoreographyVerdict): HTMLElement {
  return verdictCard(
    final,
    `${now.running ? 'running' : now.end} · ${plural(now.deliveries, 'delivery', 'deliveries')} · ${plural(now.events.length, 'event')} published`,
    `${final.end} · ${plural(final.deliveries, 'delivery', 'deliveries')} · events: ${final.events.join(', ')}`,
  );
}
