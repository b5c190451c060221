import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { ANONYMISED_NAME } from '@jalons/contract';
import type { AnonymiseAccountDto } from '@jalons/contract';

import { ApiException } from '../../infra/http/errors';
import type { SignedIn } from '../auth';
import { PrivacyQueries } from './privacy.queries';
import { anonymisationPatterns, MIN_SWEPT_NAME_LENGTH } from './sweep-patterns';

/** The neutral address an anonymised account keeps (unique, never delivered: `.invalid` is reserved). */
export function anonymisedEmail(id: string): string {
  return `anonyme-${id.replace(/-/g, '').slice(0, 12)}@anonyme.invalid`;
}

/** What an anonymisation did, for the log (never the old name or e-mail). */
export interface AnonymisationReport {
  columns: number;
  rows: number;
  /** the name was too short to be looked for inside free text (only whole values were replaced) */
  shortName: boolean;
}

/**
 * Anonymising a departed person (issue 13, ADR 0027): in one transaction, the account row locked,
 * everything that lets them act or reach them ends, their name and e-mail are replaced by
 * « Ancien·ne responsable » in every text column of every table (found in information_schema, so a
 * table added later is covered), and the account becomes that label for good. History lines stay, their
 * actor unchanged: they now read « Ancien·ne responsable ».
 */
@Injectable()
export class AnonymiseService {
  private readonly logger = new Logger('Privacy');

  constructor(
    private readonly em: EntityManager,
    private readonly queries: PrivacyQueries,
  ) {}

  async anonymise(id: string, dto: AnonymiseAccountDto, by: SignedIn): Promise<AnonymisationReport> {
    const report = await this.inOneTransaction(id, dto, by);
    // the id only: the log must not keep what was just erased
    this.logger.log(
      `account ${id} anonymised by ${by.id}: ${report.rows} rows in ${report.columns} columns` +
        (report.shortName ? ` (name shorter than ${MIN_SWEPT_NAME_LENGTH} characters: whole values only)` : ''),
    );
    return report;
  }

  private async inOneTransaction(id: string, dto: AnonymiseAccountDto, by: SignedIn): Promise<AnonymisationReport> {
    try {
      return await this.steps(id, dto, by);
    } catch (e) {
      // a value that must stay unique (an instance's or an actor's name) would become « Ancien·ne responsable » twice: nothing was changed
      if (e instanceof UniqueConstraintViolationException) {
        throw new ApiException({
          statusCode: 409,
          error: 'anonymisation_conflict',
          message:
            'Le nom ou l’adresse de cette personne est le nom d’un élément qui doit rester unique (une instance, un acteur…) et qui deviendrait « Ancien·ne responsable » deux fois : renommez cet élément puis recommencez. Rien n’a été modifié.',
        });
      }
      throw e;
    }
  }

  private steps(id: string, dto: AnonymiseAccountDto, by: SignedIn): Promise<AnonymisationReport> {
    return this.em.transactional(async (tx) => {
      await this.queries.lockAccounts(tx);
      const row = await this.queries.lockAccount(id, tx);
      if (!row) throw ApiException.notFound('Le compte', id);
      if (row.anonymised_at) {
        throw new ApiException({ statusCode: 409, error: 'already_anonymised', message: 'Ce compte est déjà anonymisé.' });
      }
      if (row.version !== dto.version) throw ApiException.conflict(row.version, 'Ce compte');
      if (id === by.id) {
        throw new ApiException({
          statusCode: 422,
          error: 'rule_broken',
          message: 'Vous ne pouvez pas anonymiser votre propre compte : demandez-le à un autre administrateur.',
        });
      }
      if (row.role === 'admin' && row.active && (await this.queries.otherActiveAdmins(id, tx)) === 0) {
        throw new ApiException({ statusCode: 422, error: 'rule_broken', message: 'Il doit rester au moins un administrateur actif.' });
      }
      await this.queries.cutOff(id, row.email, tx);
      await this.queries.relabelAttendances(id, ANONYMISED_NAME, tx);
      const done = await this.sweep(row, tx);
      await this.queries.rewriteAccount(id, { name: ANONYMISED_NAME, email: anonymisedEmail(id) }, tx);
      await this.queries.bumpAllRevisions(tx);
      return done;
    });
  }

  private async sweep(person: { name: string; email: string }, tx: EntityManager): Promise<AnonymisationReport> {
    const text = anonymisationPatterns(person, false);
    const json = anonymisationPatterns(person, true);
    let columns = 0;
    let rows = 0;
    for (const column of await this.queries.sweptColumns(tx)) {
      const n = await this.queries.sweep(column, column.kind === 'jsonb' || column.kind === 'json' ? json : text, ANONYMISED_NAME, tx);
      if (n) {
        columns += 1;
        rows += n;
      }
    }
    return { columns, rows, shortName: person.name.trim().length < MIN_SWEPT_NAME_LENGTH };
  }
}
