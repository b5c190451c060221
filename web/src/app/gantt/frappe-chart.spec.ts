import Gantt from 'frappe-gantt';
import type { FrappeTask } from 'frappe-gantt';

import { JlFrappeGantt } from './frappe-chart';

/** A chart object without its DOM: only its task bookkeeping is looked at. */
function bookkeeping<T extends object>(prototype: T): T & { tasks: FrappeTask[]; dependency_map: Record<string, string[]> } {
  return Object.create(prototype) as T & { tasks: FrappeTask[]; dependency_map: Record<string, string[]> };
}

const tasks = (): FrappeTask[] => [
  { id: 'g-fn_1', name: '', start: '2026-03-01', end: '2026-10-31', progress: 40, dependencies: [] },
  // across the autumn's change of time (Europe/Paris): whole days all the same
  { id: 'a-1', name: '', start: '2026-10-20', end: '2026-11-03', progress: 10, dependencies: [] },
  { id: 'a-2', name: '', start: '2026-03-27', end: '2026-03-30', progress: 0, dependencies: ['a-1'] },
  { id: 'm-1', name: '', start: '2027-01-15', end: '2027-01-15', progress: 0, dependencies: 'a-1, a-2' },
];

describe('JlFrappeGantt.setup_tasks', () => {
  it('sets up the wrapper’s tasks exactly as frappe does', () => {
    const ours = bookkeeping(JlFrappeGantt.prototype);
    const theirs = bookkeeping(Gantt.prototype);
    ours.setup_tasks(tasks());
    theirs.setup_tasks(tasks());
    const seen = (chart: { tasks: FrappeTask[] }) =>
      chart.tasks.map((t) => ({ id: t.id, start: t._start?.getTime(), end: t._end?.getTime(), index: t._index, deps: t.dependencies }));
    expect(seen(ours)).toEqual(seen(theirs));
    expect(ours.dependency_map).toEqual(theirs.dependency_map);
    expect(ours.tasks[3]._end).toEqual(new Date(2027, 0, 16));
    expect(ours.get_task('a-2')?._index).toBe(2);
  });

  it('leaves to frappe what it does not know (an end before the start is frappe’s to judge)', () => {
    const ours = bookkeeping(JlFrappeGantt.prototype);
    const theirs = bookkeeping(Gantt.prototype);
    const said = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const odd = (): FrappeTask[] => [{ id: 'x', name: '', start: '2026-05-10', end: '2026-05-01', progress: 0 }];
    ours.setup_tasks(odd());
    theirs.setup_tasks(odd());
    expect(said).toHaveBeenCalledTimes(2);
    said.mockRestore();
    expect(ours.tasks.map((t) => [t._start?.getTime(), t._end?.getTime()])).toEqual(
      theirs.tasks.map((t) => [t._start?.getTime(), t._end?.getTime()]),
    );
  });
});
