import type { AssessmentView } from '@jalons/contract';
import { formatFrDate } from '@jalons/domain';

import { GROUP_LABELS, KIND_LABELS } from '../actors/actor-labels';
import { Translate, french } from '../i18n/i18n';
import type { MapPoint } from './map-geometry';

/** « maturité 4, ambition 5 » */
export function positionText(a: Pick<AssessmentView, 'maturity' | 'ambition'>, t: Translate = french): string {
  return t('maturité {maturity}, ambition {ambition}', { maturity: a.maturity, ambition: a.ambition });
}

/** « leaders », « groupe médian », « peu impliqués »: a group's label inside a sentence */
export function groupInSentence(point: Pick<MapPoint, 'group'>, t: Translate = french): string {
  const label = t(GROUP_LABELS[point.group]);
  return label.toLocaleLowerCase(t.lang === 'fr' ? 'fr-FR' : 'en-GB');
}

/**
 * What a screen reader says of a point, and what its tooltip shows:
 * « DSIT (Direction) — maturité 4, ambition 5, leaders ; était 3/4 le 15/10/2025 » (the kind, told by the shape
 * on screen, is said too; the last part only when the actor moved).
 */
export function pointName(point: MapPoint, t: Translate = french): string {
  const name = t('{name} ({kind}) — {position}, {group}', {
    name: point.actor.name,
    kind: t(KIND_LABELS[point.kind]),
    position: positionText(point.current, t),
    group: groupInSentence(point, t),
  });
  if (!point.actor.moved) return name;
  return t('{current} ; était {maturity}/{ambition} le {date}', {
    current: name,
    maturity: point.first.maturity,
    ambition: point.first.ambition,
    date: formatFrDate(point.first.on),
  });
}
