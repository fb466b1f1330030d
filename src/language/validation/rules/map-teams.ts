/**
 * Teams on context maps. As in Context Mapper, a map relates bounded contexts and
 * teams: an organisational map (`kind organisational`) shows how teams depend on
 * each other, and a map of no kind may hold both. A system landscape map
 * (`kind landscape`) shows how systems integrate: a team there is a mistake.
 */
import type { ContextMap, Reference } from '../../model/elements';
import type { Accept, Rule } from '../rule';

export const mapTeamOnLandscape: Rule = {
  code: 'map-team-on-landscape',
  severity: 'error',
  title: 'A team on a system landscape map',
  explanation:
    'A landscape map (`kind landscape`) shows how the systems integrate: its relationships are between bounded contexts. How teams depend on each other ' +
    'is an organisational map (`kind organisational`), where a team relates to the teams it works with (`ClaimsSquad [S] -> PortalSquad [C]`). ' +
    'Move the team relationship to an organisational map, or name the bounded context the team realizes.',
  example: 'contextmap Systems {\n  kind landscape\n  ClaimsSquad -> Portal   // a team: Claims -> Portal\n}\ncontext Claims\ncontext Portal\nteam ClaimsSquad realizes Claims',
};

/** A map's `kind` as written (`landscape`, `organisational`), or undefined. */
function kindOf(map: ContextMap): string | undefined {
  return map.attributes?.find((setting) => setting.attribute === 'contextmap.kind')?.value.text;
}

function reportTeam(map: ContextMap, reference: Reference | undefined, accept: Accept): void {
  const team = reference?.target;
  if (!reference || team?.kind !== 'team') return;
  const realized = team.realizes.map((context) => context.text).filter(Boolean);
  accept(mapTeamOnLandscape, {
    uri: reference.uri,
    range: reference.range,
    message:
      `${team.name} is a team, and ${map.name} is a landscape map, which relates bounded contexts: ` +
      (realized.length ? `name the context it realizes (${realized.join(', ')}), ` : '') +
      'or relate teams in an organisational map (kind organisational).',
    data: { team: team.name, contexts: realized },
  });
}

/** Every team a landscape map names, in its `contains` and on either side of its relationships. */
export function checkMapTeams(map: ContextMap, accept: Accept): void {
  if (kindOf(map) !== 'landscape') return;
  for (const reference of map.contains ?? []) reportTeam(map, reference, accept);
  for (const relationship of map.relationships) {
    reportTeam(map, relationship.left.context, accept);
    reportTeam(map, relationship.right.context, accept);
  }
}
