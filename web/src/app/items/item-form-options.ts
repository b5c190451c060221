import type { ChronogramView, FunctionView, PersonView } from '@jalons/contract';
import { formatFrDate } from '@jalons/domain';

import type { Translate } from '../i18n/i18n';
import { compareText } from '../i18n/format';
import type { PickerOption } from './dependency-picker';

/** What the item forms offer: the functions one may write in, persons, the roadmap's actions. */

/** The functions the person may write in, in the roadmap's order; `keep` (the item's own) is kept whatever. */
export function writableFunctions<F extends Pick<FunctionView, 'id' | 'order'>>(
  functions: readonly F[],
  canWrite: (functionId: string) => boolean,
  keep: string | null = null,
): F[] {
  return functions.filter((f) => f.id === keep || canWrite(f.id)).sort((a, b) => a.order - b.order);
}

/** Persons by name, in French order. */
export function sortedPersons(persons: readonly PersonView[]): PersonView[] {
  return [...persons].sort((a, b) => compareText(a.name, b.name));
}

/** The roadmap's actions as the picker offers them (title; function and dates to tell them apart), but those left out. */
export function actionOptions(view: ChronogramView, leaveOut: ReadonlySet<string>, t: Translate): PickerOption[] {
  const functionNames = new Map(view.functions.map((f) => [f.id, f.name]));
  return view.actions
    .filter((a) => !leaveOut.has(a.id))
    .map((a) => ({
      id: a.id,
      title: a.title,
      detail: t('{function} · du {start} au {due}', {
        function: functionNames.get(a.functionId) ?? '',
        start: formatFrDate(a.start),
        due: formatFrDate(a.due),
      }),
    }))
    .sort((a, b) => compareText(a.title, b.title));
}
