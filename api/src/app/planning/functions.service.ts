import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { FunctionWithRollUpView, UpdateFunctionDto, VoletPatchDto } from '@jalons/contract';
import type { IsoDate } from '@jalons/domain';

import { ApiException } from '../../infra/http/errors';
import { Account, TargetFunction } from '../../entities';
import type { Volet } from '../../entities';
import { RoadmapReader } from '../roadmaps';
import { PlanningQueries } from './planning.queries';

/** Below this distance (RGB, 0–441) two functions' rows on the chronogram cannot be told apart. */
const MIN_COLOR_DISTANCE = 32;

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function colorDistance(a: string, b: string): number {
  const [x, y] = [rgb(a), rgb(b)];
  return Math.hypot(x[0] - y[0], x[1] - y[1], x[2] - y[2]);
}

/** The central function's volets with the patches applied (each names an existing volet, once). */
function patchVolets(current: readonly Volet[], patches: readonly VoletPatchDto[]): Volet[] {
  const codes = patches.map((p) => p.code);
  if (new Set(codes).size !== codes.length)
    throw ApiException.rule([{ field: 'volets', message: 'Chaque volet ne peut être modifié qu’une fois.' }]);
  const unknown = codes.find((c) => !current.some((v) => v.code === c));
  if (unknown) throw ApiException.rule([{ field: 'volets', message: `La fonction centrale n’a pas de volet « ${unknown} ».` }]);
  return current.map((v) => {
    const p = patches.find((x) => x.code === v.code);
    return p ? { code: v.code, name: p.name ?? v.name, description: p.description ?? v.description } : v;
  });
}

/** A function's description, référent·e, colour and (central function) volets, changed by the project lead. */
@Injectable()
export class FunctionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly queries: PlanningQueries,
    private readonly read: RoadmapReader,
  ) {}

  async update(roadmapId: string, functionId: string, dto: UpdateFunctionDto, at: IsoDate): Promise<FunctionWithRollUpView> {
    await this.em.transactional(async (tx) => {
      const [row] = await tx.execute<Array<{ version: number; roadmap_id: string }>>(
        'select version, roadmap_id from target_function where id = ? for update',
        [functionId],
      );
      if (!row || row.roadmap_id !== roadmapId) throw ApiException.notFound('La fonction', functionId);
      if (row.version !== dto.version) throw ApiException.conflict(row.version, 'Cette fonction');
      const fn = await tx.findOneOrFail(TargetFunction, { id: functionId }, { populate: ['owner'] });
      if (dto.volets !== undefined && !fn.central) {
        throw ApiException.rule([{ field: 'volets', message: 'Seule la fonction centrale a des volets : retirez-les de la demande.' }]);
      }
      const patch: Partial<TargetFunction> = {};
      if (dto.description !== undefined && dto.description !== fn.description) patch.description = dto.description;
      if (dto.color !== undefined && dto.color.toLowerCase() !== fn.color.toLowerCase()) {
        patch.color = dto.color.toLowerCase();
        await this.checkColor(tx, fn, patch.color);
      }
      if (dto.ownerId !== undefined && dto.ownerId !== (fn.owner?.id ?? null)) patch.owner = await this.referent(tx, dto.ownerId);
      if (dto.volets !== undefined) {
        const volets = patchVolets(fn.volets, dto.volets);
        if (JSON.stringify(volets) !== JSON.stringify(fn.volets)) patch.volets = volets;
      }
      if (!Object.keys(patch).length) return; // nothing changed: the version stays
      tx.assign(fn, { ...patch, updatedAt: new Date() });
      await tx.flush(); // the version moves with the UPDATE (optimistic lock)
      await this.queries.bumpRevision(roadmapId, tx);
    });
    const [view] = await this.read.functions(roadmapId, at, functionId);
    return view;
  }

  /** A function's référent·e: an active account of the owner or lead role, or nobody. */
  private async referent(tx: EntityManager, id: string | null): Promise<Account | null> {
    if (id === null) return null;
    const a = await tx.findOne(Account, { id });
    if (!a) throw ApiException.rule([{ field: 'ownerId', message: 'Cette personne n’existe pas.' }]);
    if (!a.active) throw ApiException.rule([{ field: 'ownerId', message: 'Ce compte est désactivé : choisissez une personne active.' }]);
    if (a.role !== 'owner' && a.role !== 'lead') {
      throw ApiException.rule([
        {
          field: 'ownerId',
          message: 'Le ou la référent·e d’une fonction est un compte « Responsable de fonction » ou « Chef·fe de projet ».',
        },
      ]);
    }
    return a;
  }

  /** Another function of the roadmap with the same or a very close colour would make the chronogram ambiguous. */
  private async checkColor(tx: EntityManager, fn: TargetFunction, color: string): Promise<void> {
    const others = (await this.queries.functions(fn.roadmap.id, tx)).filter((f) => f.id !== fn.id);
    const close = others.find((f) => colorDistance(f.color, color) < MIN_COLOR_DISTANCE);
    if (close) {
      throw ApiException.rule([
        {
          field: 'color',
          message: `Cette couleur est trop proche de celle de la fonction « ${close.name} » (${close.color}) : choisissez-en une autre.`,
        },
      ]);
    }
  }
}
