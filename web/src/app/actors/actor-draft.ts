import type { ActorDetailView, CreateActorDto, UpdateActorDto } from '@jalons/contract';
import type { ActorGroup, ActorKind, ActorNeed, DataType, IsoDate } from '@jalons/domain';

/** What the actor's form holds while it is typed: texts as typed, '' for « none ». */
export interface ActorDraft {
  name: string;
  kind: ActorKind;
  referent: string;
  metOn: IsoDate | '';
  workshop: boolean;
  needs: ActorNeed[];
  dataTypes: DataType[];
  personalData: boolean;
  sensitiveData: boolean;
  /** the group is chosen by hand */
  override: boolean;
  overrideGroup: ActorGroup | '';
  overrideReason: string;
}

export function draftOf(actor: ActorDetailView | null): ActorDraft {
  return {
    name: actor?.name ?? '',
    kind: actor?.kind ?? 'direction',
    referent: actor?.referent ?? '',
    metOn: actor?.metOn ?? '',
    workshop: actor?.workshop ?? false,
    needs: [...(actor?.needs ?? [])],
    dataTypes: [...(actor?.dataTypes ?? [])],
    personalData: actor?.personalData ?? false,
    sensitiveData: actor?.sensitiveData ?? false,
    override: !!actor?.groupOverride,
    overrideGroup: actor?.groupOverride?.group ?? '',
    overrideReason: actor?.groupOverride?.reason ?? '',
  };
}

/** The draft as the API takes it: '' is null; the override only when ticked (the API checks group and reason). */
function values(d: ActorDraft): Required<CreateActorDto> {
  return {
    name: d.name,
    kind: d.kind,
    referent: d.referent.trim() || null,
    metOn: d.metOn || null,
    workshop: d.workshop,
    needs: d.needs,
    dataTypes: d.dataTypes,
    personalData: d.personalData,
    sensitiveData: d.sensitiveData,
    groupOverride: d.override ? { group: d.overrideGroup as ActorGroup, reason: d.overrideReason } : null,
  };
}

export function toCreateDto(d: ActorDraft): CreateActorDto {
  return values(d);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed, with the version read. */
export function toUpdateDto(actor: ActorDetailView, d: ActorDraft): UpdateActorDto {
  const next = values(d);
  const before: Required<CreateActorDto> = {
    name: actor.name,
    kind: actor.kind,
    referent: actor.referent,
    metOn: actor.metOn,
    workshop: actor.workshop,
    needs: actor.needs,
    dataTypes: actor.dataTypes,
    personalData: actor.personalData,
    sensitiveData: actor.sensitiveData,
    groupOverride: actor.groupOverride,
  };
  const patch: UpdateActorDto = { version: actor.version };
  for (const key of Object.keys(next) as (keyof CreateActorDto)[]) {
    if (!same(next[key], before[key])) Object.assign(patch, { [key]: next[key] });
  }
  return patch;
}
