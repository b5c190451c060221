import {
  ACTOR_GROUP_LABELS,
  ACTOR_KIND_LABELS,
  ACTOR_NEED_LABELS,
  ASSESSMENT_AXIS_LABELS,
  DATA_TYPE_LABELS as DOMAIN_DATA_TYPES,
} from '@jalons/domain';

import { AXIS_LABELS, DATA_TYPE_LABELS, GROUP_LABELS, KIND_LABELS, NEED_LABELS } from './actor-labels';

describe('the register’s labels', () => {
  it('say what the domain’s tables say (the API’s messages and exports use those)', () => {
    expect(KIND_LABELS).toEqual(ACTOR_KIND_LABELS);
    expect(GROUP_LABELS).toEqual(ACTOR_GROUP_LABELS);
    expect(NEED_LABELS).toEqual(ACTOR_NEED_LABELS);
    expect(DATA_TYPE_LABELS).toEqual(DOMAIN_DATA_TYPES);
    expect(AXIS_LABELS).toEqual(ASSESSMENT_AXIS_LABELS);
  });
});
