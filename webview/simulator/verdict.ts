/** The verification verdict: the run so far and the whole run, breaches and risks in words. */
import type { ChoreographyVerdict, Verdict } from '../../src/protocol/simulation';
import { h, plural } from '../shared/dom';

function badge(ok: boolean, running: boolean, breaches: number): HTMLElement {
  if (!ok) return h('span', { className: 'ddd-verdict-badge ddd-bad', text: `✗ ${plural(breaches, 'guarantee')} breached` });
  return h('span', { className: `ddd-verdict-badge ${running ? 'ddd-neutral' : 'ddd-good'}`, text: running ? '… no breach so far' : '✓ every guarantee holds' });
}

function endText(verdict: Verdict): string {
  if (verdict.end === 'running') return `running, in ${verdict.state}`;
  const compensated = verdict.compensations.length ? ` after ${verdict.compensations.join(', ')}` : '';
  return `${verdict.end} in ${verdict.state}${compensated}`;
}

/** The card both kinds of saga share: a badge, the run so far and the whole run, the breaches, then anything else. */
function verdictCard(final: { ok: boolean; breaches: readonly { kind: string; message: string }[] }, soFar: string, wholeRun: string, more?: HTMLElement): HTMLElement {
  const breaches = final.breaches;
  return h('section', { className: 'ddd-card ddd-verdict', attrs: { 'aria-label': 'Verdict' } }, [
    h('h3', { text: 'Verdict' }),
    badge(final.ok, false, breaches.length),
    h('dl', { className: 'ddd-facts' }, [h('dt', { text: 'So far' }), h('dd', { text: soFar }), h('dt', { text: 'Whole run' }), h('dd', { text: wholeRun })]),
    breaches.length ? h('ul', { className: 'ddd-breaches' }, breaches.map((breach) => h('li', {}, [h('strong', { text: breach.kind }), ` ${breach.message}`]))) : undefined,
    more,
  ]);
}

/** The guarantees are checked on the whole run (a run cut short is "not over", which is no breach of the design). */
export function orchestratedVerdict(now: Verdict, final: Verdict): HTMLElement {
  return verdictCard(
    final,
    `${endText(now)} · ${plural(now.commandsSent, 'command')} sent${now.retries ? `, ${plural(now.retries, 'retry', 'retries')}` : ''}`,
    `${endText(final)} · ${plural(final.commandsSent, 'command')} sent`,
    final.risks.length ? h('div', {}, [h('h4', { text: 'Risks' }), h('ul', { className: 'ddd-risks' }, final.risks.map((risk) => h('li', { text: risk.message })))]) : undefined,
  );
}

export function choreographyVerdict(now: ChoreographyVerdict, final: ChoreographyVerdict): HTMLElement {
  return verdictCard(
    final,
    `${now.running ? 'running' : now.end} · ${plural(now.deliveries, 'delivery', 'deliveries')} · ${plural(now.events.length, 'event')} published`,
    `${final.end} · ${plural(final.deliveries, 'delivery', 'deliveries')} · events: ${final.events.join(', ')}`,
  );
}
