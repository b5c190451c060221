import { Migration } from '@mikro-orm/migrations';

/**
 * Where an action or a milestone comes from (docs/kit.md): `provenance` — etude, pratique, exemple; null
 * for an item added in the app — with `provenance_ref`, the practice or document it rests on; and the
 * « why » of each phase (`purpose`). New roadmaps get them from the kit; roadmaps made before are
 * filled in here from the kit as it was when this migration was written (version 2), matched on the
 * items' kit keys (an item made from the kit keeps its key whatever its title became), and
 * so are the Corbeille's snapshots of deleted kit items and the copies carried over from kit items.
 */
export class Migration20261129160000_provenance extends Migration {
  override async up(): Promise<void> {
    for (const table of ['action', 'milestone']) {
      this.addSql(`alter table "${table}" add column "provenance" text null, add column "provenance_ref" varchar(300) null;`);
      this.addSql(
        `alter table "${table}" add constraint ${table}_provenance_check check (provenance in ('etude', 'pratique', 'exemple'));`,
      );
    }
    this.addSql(`alter table "phase" add column "purpose" text null;`);

    const items = literal(KIT_ITEMS.map(([key, provenance, reference]) => ({ key, provenance, reference: reference ?? null })));
    const kit = `jsonb_to_recordset(${items}::jsonb) as x(key text, provenance text, reference text)`;
    for (const table of ['action', 'milestone']) {
      this.addSql(
        `update "${table}" i set provenance = x.provenance, provenance_ref = x.reference from ${kit}, roadmap r
          where i.kit_key = x.key and r.id = i.roadmap_id and r.kit_code = 'spld';`,
      );
      // a copy carried over (ADR 0013) comes from where its origin came from
      this.addSql(
        `update "${table}" c set provenance = o.provenance, provenance_ref = o.provenance_ref from "${table}" o
          where c.carried_from_id = o.id and c.provenance is null;`,
      );
    }
    // a kit item in the Corbeille comes back with its provenance
    this.addSql(
      `update deleted_item t
          set snapshot = jsonb_set(t.snapshot, '{row}', (t.snapshot -> 'row') || jsonb_build_object('provenance', x.provenance, 'provenance_ref', x.reference))
         from ${kit}, roadmap r
        where t.snapshot -> 'row' ->> 'kit_key' = x.key and r.id = t.roadmap_id and r.kit_code = 'spld';`,
    );
    const purposes = literal(Object.entries(PHASE_PURPOSES).map(([code, purpose]) => ({ code, purpose })));
    this.addSql(
      `update phase p set purpose = x.purpose from jsonb_to_recordset(${purposes}::jsonb) as x(code text, purpose text), roadmap r
        where p.code = x.code and r.id = p.roadmap_id and r.kit_code = 'spld';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "phase" drop column "purpose";`);
    for (const table of ['milestone', 'action']) {
      this.addSql(`alter table "${table}" drop constraint ${table}_provenance_check;`);
      this.addSql(`alter table "${table}" drop column "provenance", drop column "provenance_ref";`);
    }
  }
}

/** A SQL string literal of `value` as JSON (dollar-quoted: the texts hold apostrophes). */
function literal(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.includes('$kit$')) throw new Error('the kit data cannot hold $kit$');
  return `$kit$${json}$kit$`;
}

/** The « why » of each phase, as the kit (version 2) says it. */
const PHASE_PURPOSES: Readonly<Record<string, string>> = {
  'pre-electorale':
    "Comprendre où en sont les directions et les opérateurs et les associer tous dès le début, pour que l'équipe qui sera élue trouve un constat partagé plutôt qu'un projet tout fait.",
  'post-electorale':
    'Formuler collectivement le « pourquoi » du service et lui donner un portage politique et administratif, avant de décider du « comment ».',
  emergence:
    "Faire exister le service en s'appuyant d'abord sur les acteurs les plus mûrs, sans perdre les autres, et poser le socle éthique et juridique qui fonde la confiance des habitants.",
  maturation:
    "Assurer la pertinence et la continuité du service dans la durée : évaluer ce qui a été fait, élargir l'écosystème et préparer le mandat suivant.",
};

/** Every kit item's key, provenance and reference, as the kit (version 2) says them. */
const KIT_ITEMS: ReadonlyArray<readonly [string, string, string?]> = [
  ['centrale.acculturer-direction-generale', 'etude'],
  ['centrale.diagnostic-acteurs', 'etude'],
  ['centrale.positionner-maturite-ambition', 'etude'],
  ['centrale.atelier-co-construction', 'etude'],
  ['centrale.formuler-pourquoi', 'etude'],
  ['centrale.deliberation-principe', 'exemple'],
  ['centrale.installer-comite-pilotage', 'exemple'],
  ['centrale.designer-referents-donnees', 'exemple'],
  ['centrale.cartographier-donnees', 'exemple'],
  [
    'centrale.prioriser-domaines-projets',
    'pratique',
    'Service métropolitain de la donnée de Rennes, recentré sur quatre domaines : énergie, eau, mobilité, données sociodémographiques',
  ],
  ['centrale.deployer-catalogue', 'exemple'],
  ['centrale.ouvrir-portail', 'exemple'],
  [
    'centrale.evaluer-service',
    'pratique',
    'Bilan du service métropolitain de la donnée de Rennes après deux ans : peu de jeux publiés, des silos entre services',
  ],
  ['centrale.diagnostic-restitue', 'etude'],
  ['centrale.deliberation-votee', 'exemple'],
  ['centrale.comite-pilotage-installe', 'exemple'],
  ['centrale.catalogue-en-ligne', 'exemple'],
  ['centrale.portail-ouvert', 'exemple'],
  ['ethique.relever-enjeux-ethiques', 'etude'],
  [
    'ethique.constituer-jury',
    'pratique',
    "Conférence de consensus sur l'éthique de la donnée, Brest métropole (2021) : jury tiré au sort, garanti par la CNDP et la FING",
  ],
  [
    'ethique.conference-consensus',
    'pratique',
    "Conférence de consensus sur l'éthique de la donnée, Brest métropole (2021) : jury tiré au sort, garanti par la CNDP et la FING",
  ],
  ['ethique.rediger-charte', 'pratique', "Charte de la donnée de Brest métropole, écrite à partir de l'avis du jury citoyen (2021–2022)"],
  [
    'ethique.consulter-charte',
    'pratique',
    'Consultation en ligne sur le projet de charte de la donnée, Brest métropole (20 juin – 10 juillet 2022)',
  ],
  [
    'ethique.adopter-charte',
    'pratique',
    'Charte de la donnée adoptée par le conseil de Brest métropole (octobre 2022), premier signataire privé en janvier 2023',
  ],
  ['ethique.installer-instance', 'etude'],
  [
    'ethique.revue-annuelle-charte',
    'pratique',
    'Charte de la donnée de Nantes (2019) : revue publique 18 mois après son adoption, puis chaque année',
  ],
  [
    'ethique.jury-constitue',
    'pratique',
    "Conférence de consensus sur l'éthique de la donnée, Brest métropole (2021) : jury tiré au sort, garanti par la CNDP et la FING",
  ],
  ['ethique.charte-adoptee', 'pratique', 'Charte de la donnée adoptée par le conseil de Brest métropole (octobre 2022)'],
  ['ethique.instance-installee', 'etude'],
  ['juridique.etat-lieux-obligations', 'etude'],
  ['juridique.conforter-dpo', 'exemple'],
  ['juridique.mettre-a-jour-registre', 'exemple'],
  ['juridique.conduire-aipd', 'exemple'],
  [
    'juridique.clauses-concessions',
    'exemple',
    'Code de la commande publique, article L3131-2 : remise des données du service concédé dans un format ouvert',
  ],
  ['juridique.publier-socle-commun', 'exemple', 'Socle commun des données locales, OpenDataFrance (version 1.0, janvier 2018)'],
  ['juridique.publier-regles-algorithmes', 'exemple'],
  ['juridique.registre-a-jour', 'exemple'],
  ['juridique.socle-commun-publie', 'exemple', 'Socle commun des données locales, OpenDataFrance (version 1.0, janvier 2018)'],
  ['organisation.etudier-organisations', 'etude'],
  ['organisation.proposer-scenarios', 'etude'],
  [
    'organisation.nommer-administrateur',
    'pratique',
    "Administrateur général des données : l'État en 2014, puis la Métropole de Lyon, première collectivité à en nommer un",
  ],
  ['organisation.inscrire-organigramme', 'exemple'],
  [
    'organisation.gouvernance-partenariale',
    'pratique',
    'Gouvernance de GéoBretagne : assemblée générale, comités exécutif et technique, groupes thématiques',
  ],
  ['organisation.ajuster-organisation', 'exemple'],
  [
    'organisation.administrateur-nomme',
    'pratique',
    "Administrateur général des données : l'État en 2014, puis la Métropole de Lyon, première collectivité à en nommer un",
  ],
  [
    'financiere.estimer-couts',
    'exemple',
    'Ordres de grandeur : environ 500 k€ pour le lancement du service de la donnée de Rennes ; 50 à 60 k€ pour construire un portail départemental',
  ],
  ['financiere.inscrire-budget', 'exemple'],
  [
    'financiere.repondre-appels-projets',
    'pratique',
    "Service de la donnée de Rennes : la moitié de ses 500 k€ de lancement venue d'un appel à projets national",
  ],
  ['financiere.modele-couts', 'exemple'],
  ['financiere.programmation-pluriannuelle', 'exemple'],
  ['financiere.budget-vote', 'exemple'],
  ['financiere.premier-financement-obtenu', 'exemple'],
  ['competences.identifier-besoins', 'etude'],
  ['competences.parcours-acculturation', 'exemple'],
  ['competences.reseau-ambassadeurs', 'exemple'],
  ['competences.formation-action', 'exemple'],
  ['competences.capitaliser-savoir-faire', 'etude'],
  ['competences.premiere-promotion-formee', 'exemple'],
  ['mediation.recenser-acteurs', 'exemple'],
  ['mediation.ateliers-mediateurs', 'exemple'],
  ['mediation.education-populaire', 'etude'],
  ['mediation.supports-consentement', 'etude'],
  ['mediation.ouvrir-guichet', 'exemple'],
  ['mediation.accompagner-nouveaux-usages', 'etude'],
  ['mediation.guichet-ouvert', 'exemple'],
  ['communication.informer-agents', 'exemple'],
  ['communication.lancement-public', 'exemple'],
  [
    'communication.reunions-publiques',
    'pratique',
    'Service métropolitain de la donnée de Rennes : deux réunions publiques dans sa première année',
  ],
  ['communication.evenement-portail', 'exemple'],
  [
    'communication.bilan-annuel',
    'pratique',
    'Nantes : bilan public de la charte de la donnée 18 mois après son adoption (2019), puis chaque année',
  ],
  ['communication.lancement-effectue', 'exemple'],
  [
    'communication.premier-bilan-publie',
    'pratique',
    'Nantes : bilan public de la charte de la donnée 18 mois après son adoption (2019), puis chaque année',
  ],
  ['cooperation.cartographier-partenaires', 'etude'],
  ['cooperation.associer-operateurs', 'etude'],
  [
    'cooperation.infrastructures-regionales',
    'pratique',
    'GéoBretagne (infrastructure régionale de données géographiques depuis 2007, environ 166 partenaires) et Mégalis Bretagne',
  ],
  ['cooperation.donnees-energie', 'exemple'],
  ['cooperation.consortium-partage', 'exemple'],
  [
    'cooperation.etendre-territoire',
    'pratique',
    'Démarche de service public local de la donnée de Brest métropole (2019), ouverte à la pointe bretonne, aux communes partenaires et au Finistère',
  ],
  ['cooperation.convention-energie-signee', 'exemple'],
  ['innovation.reperer-cas-usage', 'exemple'],
  ['innovation.choisir-pilotes', 'etude'],
  ['innovation.appel-projets-interne', 'exemple'],
  ['innovation.prototyper-plateforme', 'exemple'],
  ['innovation.ouvrir-beta-plateforme', 'exemple'],
  ['innovation.beta-ouverte', 'exemple'],
  ['prospective.scenarios-anticipation', 'etude'],
  ['prospective.veille-usages', 'etude'],
  ['prospective.se-situer-barometre', 'exemple'],
  ['prospective.chaines-valeur', 'etude'],
  ['prospective.recommandations-mandat', 'etude'],
  ['prospective.scenarios-partages', 'etude'],
  ['prospective.recommandations-remises', 'etude'],
];
